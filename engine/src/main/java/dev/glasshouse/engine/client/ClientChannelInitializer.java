package dev.glasshouse.engine.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of one client connection: 4-byte length-prefixed frames both ways (an
 * incoming length above the configured maximum closes the connection), an idle timer that bounds
 * the handshake until {@link ClientSession} swaps in the ping and read timers, and the handler that
 * hands frames to the session. Shared by every connection of one client; stateless.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String IDLE = "idle";

    private final ClientSession session;
    private final int maxPacketBytes;

    ClientChannelInitializer(ClientSession session, int maxPacketBytes) {
        this.session = session;
        this.maxPacketBytes = maxPacketBytes;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("frames", new LengthFieldBasedFrameDecoder(maxPacketBytes + 4, 0, 4, 0, 4))
                .addLast("length", new LengthFieldPrepender(4))
                .addLast(IDLE, new IdleStateHandler(session.connectTimeoutMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("session", new ClientChannelHandler(session));
    }
}
