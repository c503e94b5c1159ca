package dev.glasshouse.engine.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One client connection as the member's event loop sees it: an id, the remote address, and
 * ordered writes. Writes may come from any thread; Netty keeps them in call order per channel.
 * Frames are buffered until {@link #flush()} so a batch of replies costs one system call.
 * Written by one thread only, the member's event loop.
 */
public final class ClientChannel {
    private final long id;
    private final Channel channel;
    private final ConnectionStats stats;
    private ChannelFuture lastWrite;

    ClientChannel(long id, Channel channel, ConnectionStats stats) {
        this.id = id;
        this.channel = channel;
        this.stats = stats;
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
        stats.frameSent(body, System.nanoTime(), System.currentTimeMillis());
        lastWrite = channel.write(Unpooled.wrappedBuffer(body));
    }

    public void flush() {
        channel.flush();
    }

    /** Writes everything queued, then closes. Called from the one thread that writes to this channel. */
    public void closeAfterFlush() {
        channel.flush();
        if (lastWrite == null) {
            channel.close();
        } else {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(id) + "@" + channel.remoteAddress();
    }
}
