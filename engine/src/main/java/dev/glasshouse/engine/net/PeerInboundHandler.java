package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one accepted peer connection: first a {@link PeerHandshake} from a known member other than
 * this one, then that member's {@link PeerEnvelope}s, each of which must come from it, be addressed
 * to this member and belong on this port. Anything else (garbage, an unknown or own id, a message
 * that lies about its sender, a missing handshake) closes this connection alone with one WARN line
 * and never reaches the receiver; the sender's link notices and dials again. Confined to the
 * channel's I/O thread.
 */
final class PeerInboundHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(PeerInboundHandler.class);

    private final PeerPort port;
    private final PeerAcceptRules rules;
    private Optional<MemberId> peer = Optional.empty();
    private ScheduledFuture<?> handshakeDeadline;
    private boolean closing;

    PeerInboundHandler(PeerPort port, PeerAcceptRules rules) {
        this.port = port;
        this.rules = rules;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        long timeoutMillis = rules.limits().handshakeTimeoutMillis();
        handshakeDeadline = context.executor().schedule(() -> {
            if (peer.isEmpty()) {
                close(context, "no handshake within " + timeoutMillis + " ms");
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        ByteBuf frame = (ByteBuf) message;
        try {
            if (closing) {
                return;
            }
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            if (peer.isPresent()) {
                deliver(context, PeerCodec.decode(bytes));
            } else {
                accept(context, PeerHandshake.decode(bytes).member());
            }
        } catch (WireFormatException e) {
            close(context, "malformed frame: " + e.getMessage());
        } finally {
            frame.release();
        }
    }

    private void accept(ChannelHandlerContext context, MemberId member) {
        if (member.equals(rules.self())) {
            close(context, "handshake claims this member's own id " + member);
        } else if (!rules.members().contains(member)) {
            close(context, "handshake names " + member + ", which is not a member of this ensemble");
        } else {
            peer = Optional.of(member);
            handshakeDeadline.cancel(false);
            closeOlderConnections(context, member);
            rules.accepted().put(context.channel(), member);
            log.debug("Accepted peer connection peer={} port={} remote={}", member, port,
                    context.channel().remoteAddress());
        }
    }

    // A peer dials again only after its previous connection broke; if this side never noticed
    // (the peer crashed or lost its host, so no FIN arrived), the old connection would stay open
    // for ever, since an acceptor never writes. The newer connection is the live one.
    private void closeOlderConnections(ChannelHandlerContext context, MemberId member) {
        rules.accepted().forEach((channel, owner) -> {
            if (owner.equals(member) && channel.parent() == context.channel().parent()) {
                log.info("Closing a peer connection replaced by a newer one peer={} port={} remote={}", member, port,
                        channel.remoteAddress());
                channel.close();
            }
        });
    }

    private void deliver(ChannelHandlerContext context, PeerEnvelope envelope) {
        Optional<String> problem = problem(envelope);
        if (problem.isPresent()) {
            close(context, problem.get());
        } else {
            rules.unprocessed().accepted(context.channel());
            rules.receiver().received(envelope);
        }
    }

    private Optional<String> problem(PeerEnvelope envelope) {
        MemberId member = peer.orElseThrow();
        if (!envelope.from().equals(member)) {
            return Optional.of("message from " + envelope.from() + " on the link of " + member);
        }
        if (!envelope.to().equals(rules.self())) {
            return Optional.of("message for " + envelope.to() + " sent to member " + rules.self());
        }
        if (PeerPort.of(envelope) != port) {
            return Optional.of("message for the " + PeerPort.of(envelope) + " port sent to the " + port + " port");
        }
        return Optional.empty();
    }

    private void close(ChannelHandlerContext context, String reason) {
        if (!closing) {
            closing = true;
            log.warn("Closing peer connection peer={} port={} remote={} reason=\"{}\"",
                    peer.map(MemberId::toString).orElse("unknown"), port, context.channel().remoteAddress(), reason);
        }
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        if (handshakeDeadline != null) {
            handshakeDeadline.cancel(false);
        }
        rules.accepted().remove(context.channel());
        rules.unprocessed().closed(context.channel());
        if (peer.isPresent() && port == PeerPort.QUORUM) {
            rules.receiver().linkClosed(peer.get());
        }
        context.fireChannelInactive();
    }

    // The event-loop boundary: a receiver that throws, or a frame the decoder refused, costs this
    // connection only; the peer dials again and ZAB treats the gap as a broken link.
    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        close(context, cause instanceof DecoderException ? "bad frame: " + cause.getMessage() : cause.toString());
    }
}
