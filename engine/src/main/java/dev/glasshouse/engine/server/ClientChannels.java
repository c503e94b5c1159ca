package dev.glasshouse.engine.server;

import dev.glasshouse.engine.net.ClientChannel;
import dev.glasshouse.engine.request.Outbound;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client connections of one member as its event loop writes to them: frames are buffered per
 * step and flushed together, so a batch of replies costs one system call per connection.
 * Confined to the member's event-loop thread.
 */
final class ClientChannels {
    private static final Logger log = LoggerFactory.getLogger(ClientChannels.class);

    private final Map<Long, ClientChannel> channels = new HashMap<>();
    private final Set<ClientChannel> touched = new LinkedHashSet<>();

    void add(ClientChannel channel) {
        channels.put(channel.id(), channel);
    }

    void remove(long connectionId) {
        channels.remove(connectionId);
    }

    List<Long> ids() {
        return List.copyOf(channels.keySet());
    }

    boolean isEmpty() {
        return channels.isEmpty();
    }

    /** Writes a frame or closes a connection, as the pipeline asked; unknown connections are gone already. */
    void perform(Outbound outbound) {
        ClientChannel channel = channels.get(outbound.connectionId());
        if (channel == null) {
            return;
        }
        if (outbound instanceof Outbound.Frame frame) {
            channel.write(frame.body());
            touched.add(channel);
        } else if (outbound instanceof Outbound.Disconnect disconnect) {
            log.debug("Closing client connection {} reason=\"{}\"", channel, disconnect.reason());
            channels.remove(outbound.connectionId());
            touched.remove(channel);
            channel.closeAfterFlush();
        }
    }

    /** Ends the step: every connection written to is flushed once. */
    void flush() {
        touched.forEach(ClientChannel::flush);
        touched.clear();
    }

    /** Closes every connection after what is queued for it; clients reconnect, elsewhere if need be. */
    void closeAll() {
        flush();
        channels.values().forEach(ClientChannel::closeAfterFlush);
        channels.clear();
    }
}
