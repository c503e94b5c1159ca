package dev.glasshouse.engine.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of a connection this member dials to a peer: outgoing frames get their 4-byte
 * length prefix. The acceptor never writes on this connection, so anything read is discarded, and
 * an I/O error closes the connection, which its {@link PeerLink} notices and reports.
 */
final class PeerLinkInitializer extends ChannelInitializer<SocketChannel> {
    private final LengthFieldPrepender length = new LengthFieldPrepender(4);
    private final ChannelHandler closeOnError = new CloseOnError();

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("length", length).addLast("link", closeOnError);
    }

    /** Stateless, so one instance serves every link of a transport. */
    @ChannelHandler.Sharable
    private static final class CloseOnError extends ChannelInboundHandlerAdapter {
        private static final Logger log = LoggerFactory.getLogger(PeerLinkInitializer.class);

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ReferenceCountUtil.release(message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            // The link logs the loss once at WARN when the channel closes; the cause is detail.
            log.debug("Closing peer link remote={} cause={}", context.channel().remoteAddress(), cause.toString());
            context.close();
        }
    }
}
