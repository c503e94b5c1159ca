package dev.glasshouse.engine.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The pipeline of a connection accepted on a member's quorum or election port: 4-byte
 * length-prefixed frames no larger than {@link PeerLimits#maxFrameBytes()} (a negative or larger
 * length closes the connection), a handshake naming the dialling member, then that member's
 * messages for the transport's receiver. Accepted connections only read; answers travel on this
 * member's own outbound link to the peer.
 */
final class PeerChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final PeerPort port;
    private final PeerAcceptRules rules;

    PeerChannelInitializer(PeerPort port, PeerAcceptRules rules) {
        this.port = port;
        this.rules = rules;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("frames", new LengthFieldBasedFrameDecoder(rules.limits().maxFrameBytes() + 4, 0, 4, 0, 4))
                .addLast("peer", new PeerInboundHandler(port, rules));
    }
}
