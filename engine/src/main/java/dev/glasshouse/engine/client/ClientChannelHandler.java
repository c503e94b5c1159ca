package dev.glasshouse.engine.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the frames, idle timeouts and failures of one connection to {@link ClientSession}. Runs on
 * the client's event loop, like the session, so it calls the session directly.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ClientChannelHandler.class);

    private final ClientSession session;

    ClientChannelHandler(ClientSession session) {
        this.session = session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf frame = (ByteBuf) message;
        try {
            session.onFrame(ctx.channel(), ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle) {
            session.onIdle(ctx.channel(), idle.state());
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Oversized frames, undecodable bytes and socket errors all end this connection only; the
        // session notices the close and reconnects.
        log.warn("Closing client connection remote={} reason={}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
