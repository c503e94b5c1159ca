package dev.glasshouse.engine.net;

import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.WireFormatException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the frames of one client connection: the first is a {@link ConnectRequest}, every later
 * one a {@link RequestHeader} and the record its opcode names. Anything that does not decode
 * closes this connection with one WARN line and never reaches the member; an unknown opcode is
 * passed on with an empty body so that the member answers it in order, as ZooKeeper does. Once
 * the connection is closing, frames already decoded from the same read are dropped. A connection
 * that has not sent its ConnectRequest within the handshake timeout is closed with one WARN line.
 * Confined to the channel's I/O thread.
 */
final class ClientConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ClientConnectionHandler.class);

    private final ClientListener listener;
    private final AtomicLong connectionIds;
    private final ClientLimits limits;
    private final ServerStats stats;
    private ClientChannel client;
    private ConnectionStats connectionStats;
    private ScheduledFuture<?> handshakeDeadline;
    private boolean closing;

    ClientConnectionHandler(ClientListener listener, AtomicLong connectionIds, ClientLimits limits,
                            ServerStats stats) {
        this.listener = listener;
        this.connectionIds = connectionIds;
        this.limits = limits;
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        handshakeDeadline = context.executor().schedule(() -> {
            if (client == null) {
                close(context, "no ConnectRequest within " + limits.handshakeTimeoutMillis() + " ms");
            }
        }, limits.handshakeTimeoutMillis(), TimeUnit.MILLISECONDS);
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
            handle(context, JuteInput.of(bytes));
        } catch (WireFormatException e) {
            close(context, "malformed frame: " + e.getMessage());
        } finally {
            frame.release();
        }
    }

    private void close(ChannelHandlerContext context, String reason) {
        if (!closing) {
            closing = true;
            log.warn("Closing client connection remote={} reason=\"{}\"", context.channel().remoteAddress(), reason);
        }
        context.close();
    }

    private void handle(ChannelHandlerContext context, JuteInput in) {
        if (client == null) {
            ConnectRequest request = ConnectRequest.read(in);
            long id = connectionIds.incrementAndGet();
            connectionStats = stats.open(socketAddress(context), id, System.currentTimeMillis());
            connectionStats.connectReceived(System.nanoTime());
            client = new ClientChannel(id, context.channel(), connectionStats);
            if (handshakeDeadline != null) {
                handshakeDeadline.cancel(false);
            }
            listener.connected(client, request);
            return;
        }
        RequestHeader header = RequestHeader.read(in);
        connectionStats.requestReceived(header.xid(), header.type(), System.nanoTime());
        Optional<OpCode> op = OpCode.fromCode(header.type());
        RequestBody body = op.isPresent() ? RequestCodec.read(op.get(), in) : EmptyRequest.INSTANCE;
        // Counted before handing over, so the member's finish can never be seen first.
        limits.throttle().accepted(context.channel());
        listener.request(client.id(), header, body);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        if (handshakeDeadline != null) {
            handshakeDeadline.cancel(false);
        }
        limits.throttle().closed(context.channel());
        if (client != null) {
            stats.closed(client.id());
            listener.disconnected(client.id());
        }
        context.fireChannelInactive();
    }

    // ZooKeeper shows clients as ip:port without a host name; no reverse lookup here.
    private static String socketAddress(ChannelHandlerContext context) {
        SocketAddress address = context.channel().remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        close(context, cause instanceof DecoderException ? "bad frame: " + cause.getMessage() : cause.toString());
    }
}
