package dev.glasshouse.engine.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline of a client connection: at most {@code maxClientCnxns} per client address; a fresh
 * connection whose first four bytes are a known four-letter word is answered in plain text before
 * any framing, as ZooKeeper does; otherwise 4-byte length-prefixed frames no larger than
 * {@code jute.maxbuffer} (a negative or larger length closes the connection, as in ZooKeeper),
 * decoded into requests for the member, with a bounded handshake and reads paused while the
 * member has too many requests outstanding ({@link ClientLimits}). Traffic is counted in
 * {@link ServerStats} for the operations views.
 */
public final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ClientListener listener;
    private final ConnectionLimiter limiter;
    private final ClientLimits limits;
    private final AtomicLong connectionIds = new AtomicLong();
    private final ServerStats stats;
    private final FourLetterWordResponder fourLetterWords;

    public ClientChannelInitializer(ClientListener listener, int maxFrameBytes, int maxConnectionsPerAddress) {
        this(listener, new ClientLimits(maxFrameBytes, maxConnectionsPerAddress,
                ClientLimits.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, RequestThrottle.unlimited()), new ServerStats(),
                FourLetterWordResponder.NONE);
    }

    public ClientChannelInitializer(ClientListener listener, ClientLimits limits, ServerStats stats,
                                    FourLetterWordResponder fourLetterWords) {
        this.listener = listener;
        this.limiter = new ConnectionLimiter(limits.maxConnectionsPerAddress());
        this.limits = limits;
        this.stats = stats;
        this.fourLetterWords = fourLetterWords;
    }

    /** Client connections open right now, over every address. */
    public int openConnections() {
        return limiter.openConnections();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("limit", limiter)
                .addLast("4lw", new FourLetterWordHandler(fourLetterWords))
                .addLast("frames", new LengthFieldBasedFrameDecoder(limits.maxFrameBytes() + 4, 0, 4, 0, 4))
                .addLast("length", new LengthFieldPrepender(4))
                .addLast("connection", new ClientConnectionHandler(listener, connectionIds, limits, stats));
    }
}
