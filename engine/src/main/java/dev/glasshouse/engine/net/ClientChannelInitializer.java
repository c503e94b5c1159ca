package dev.glasshouse.engine.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline of a client connection: at most {@code maxClientCnxns} per client address, 4-byte length-prefixed frames no larger than
 * {@code jute.maxbuffer} (a negative or larger length closes the connection, as in ZooKeeper),
 * then decoding into requests for the member. A fresh connection whose first four bytes are a
 * known four-letter word is answered in plain text before any framing, as ZooKeeper does.
 */
public final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final ClientListener listener;
    private final int maxFrameBytes;
    private final ConnectionLimiter limiter;
    private final AtomicLong connectionIds = new AtomicLong();
    private final ServerStats stats;
    private final FourLetterWordResponder fourLetterWords;

    public ClientChannelInitializer(ClientListener listener, int maxFrameBytes, int maxConnectionsPerAddress) {
        this(listener, maxFrameBytes, maxConnectionsPerAddress, new ServerStats(), FourLetterWordResponder.NONE);
    }

    /** A listener that counts traffic into {@code stats} and answers four-letter words before any framing. */
    public ClientChannelInitializer(ClientListener listener, int maxFrameBytes, int maxConnectionsPerAddress,
                                    ServerStats stats, FourLetterWordResponder fourLetterWords) {
        this.listener = listener;
        this.maxFrameBytes = maxFrameBytes;
        this.limiter = new ConnectionLimiter(maxConnectionsPerAddress);
        this.stats = stats;
        this.fourLetterWords = fourLetterWords;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("limit", limiter)
                .addLast("4lw", new FourLetterWordHandler(fourLetterWords))
                .addLast("frames", new LengthFieldBasedFrameDecoder(maxFrameBytes + 4, 0, 4, 0, 4))
                .addLast("length", new LengthFieldPrepender(4))
                .addLast("connection", new ClientConnectionHandler(listener, connectionIds, stats));
    }
}
