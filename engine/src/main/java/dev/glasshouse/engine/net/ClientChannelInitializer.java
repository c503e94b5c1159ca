package dev.glasshouse.engine.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline of a client connection: at most {@code maxClientCnxns} per client address, 4-byte length-prefixed frames no larger than
 * {@code jute.maxbuffer} (a negative or larger length closes the connection, as in ZooKeeper),
 * then decoding into requests for the member, with a bounded handshake and reads paused while
 * the member has too many requests outstanding ({@link ClientLimits}).
 */
public final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ClientListener listener;
    private final int maxFrameBytes;
    private final ConnectionLimiter limiter;
    private final ClientLimits limits;
    private final AtomicLong connectionIds = new AtomicLong();

    public ClientChannelInitializer(ClientListener listener, int maxFrameBytes, int maxConnectionsPerAddress) {
        this(listener, new ClientLimits(maxFrameBytes, maxConnectionsPerAddress,
                ClientLimits.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, RequestThrottle.unlimited()));
    }

    public ClientChannelInitializer(ClientListener listener, ClientLimits limits) {
        this.listener = listener;
        this.maxFrameBytes = limits.maxFrameBytes();
        this.limiter = new ConnectionLimiter(limits.maxConnectionsPerAddress());
        this.limits = limits;
    }

    /** Client connections open right now, over every address. */
    public int openConnections() {
        return limiter.openConnections();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("limit", limiter)
                .addLast("frames", new LengthFieldBasedFrameDecoder(maxFrameBytes + 4, 0, 4, 0, 4))
                .addLast("length", new LengthFieldPrepender(4))
                .addLast("connection", new ClientConnectionHandler(listener, connectionIds, limits));
    }
}
