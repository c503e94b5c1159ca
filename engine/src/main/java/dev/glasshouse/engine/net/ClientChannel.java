package dev.glasshouse.engine.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One client connection as the member's event loop sees it: an id, the remote address, and
 * ordered writes. Writes may come from any thread; Netty keeps them in call order per channel.
 * Frames are buffered until {@link #flush()} so a batch of replies costs one system call.
 */
public final class ClientChannel {
    private final long id;
    private final Channel channel;

    ClientChannel(long id, Channel channel) {
        this.id = id;
        this.channel = channel;
    }

    public long id() {
        return id;
    }

    /** The client's IP address as text, the identity the {@code ip} ACL scheme matches. */
    public String remoteAddress() {
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }

    /** Queues one frame body; the length prefix is added by the channel's pipeline. */
    public void write(byte[] body) {
        channel.write(Unpooled.wrappedBuffer(body), channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    /** Writes everything queued, then closes. */
    public void closeAfterFlush() {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(id) + "@" + channel.remoteAddress();
    }
}
