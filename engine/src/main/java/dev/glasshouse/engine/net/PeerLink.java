package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's one outbound connection to one port of one peer. It dials on the first message,
 * sends the handshake, then writes messages in the order {@link #send} was called. When dialling
 * fails the messages waiting for the connection are dropped and counted, and the next dial waits
 * a back-off that doubles up to {@link PeerLimits#reconnectMaxMillis()}; messages sent meanwhile
 * wait (bounded by {@link PeerLimits#maxQueuedMessages()}, beyond which they are dropped) for that
 * dial. A message is written to one connection at most once and never resent, so a broken
 * connection loses what it held but nothing arrives twice or out of order.
 *
 * <p>{@link #send} may be called from any thread and only counts and hands over; every other
 * method runs on the link's event loop, which also owns its channel, so the state needs no locks.
 */
final class PeerLink {
    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

    private final MemberId peer;
    private final InetSocketAddress address;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final PeerLinkSettings settings;
    /** Messages accepted by {@link #send} and not yet written to a socket or dropped. */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ChannelFutureListener written = this::written;
    private volatile boolean connected;
    private final ArrayDeque<PeerEnvelope> waiting = new ArrayDeque<>();
    private Channel channel;
    private boolean dialScheduled;
    private boolean failing;
    /** Once a connection succeeded, failing to reach the peer is news (WARN); before, it is start-up. */
    private boolean everConnected;
    private long backoffMillis;
    private long connectedAtNanos;

    PeerLink(MemberId peer, InetSocketAddress address, EventLoop loop, PeerLinkSettings settings) {
        this.peer = peer;
        this.address = address;
        this.loop = loop;
        this.bootstrap = settings.bootstrap().clone(loop);
        this.settings = settings;
        this.backoffMillis = settings.limits().reconnectMinMillis();
    }

    /** Hands {@code envelope} to the link's event loop, or drops it when too many are outstanding. */
    void send(PeerEnvelope envelope) {
        if (outstanding.incrementAndGet() > settings.limits().maxQueuedMessages()) {
            dropped(1);
            return;
        }
        try {
            loop.execute(() -> enqueue(envelope));
        } catch (RejectedExecutionException e) {
            dropped(1); // The transport is closing; nothing more will be sent.
        }
    }

    /** True while a connection to the peer is established. */
    boolean isConnected() {
        return connected;
    }

    private void enqueue(PeerEnvelope envelope) {
        if (settings.closed().get()) {
            dropped(1);
        } else if (connected) {
            write(envelope);
            channel.flush();
        } else {
            waiting.add(envelope);
            if (channel == null && !dialScheduled) {
                dial();
            }
        }
    }

    private void dial() {
        ChannelFuture future = bootstrap.connect(address);
        channel = future.channel();
        future.addListener(done -> dialed(future));
    }

    private void dialed(ChannelFuture future) {
        if (settings.closed().get()) {
            future.channel().close();
            channel = null;
            dropWaiting();
        } else if (future.isSuccess()) {
            established(future.channel());
        } else {
            unreachable(future.cause());
        }
    }

    private void unreachable(Throwable cause) {
        channel = null;
        if (!failing) {
            failing = true;
            if (everConnected) {
                log.warn("Cannot reach peer peer={} address={} cause=\"{}\"", peer, address, cause.toString());
            } else {
                // Members start one after another, so a peer not listening yet is expected at first.
                log.info("Peer not reachable yet; retrying peer={} address={} cause=\"{}\"", peer, address,
                        cause.toString());
            }
        }
        dropWaiting();
        redialLater();
    }

    private void established(Channel established) {
        established.closeFuture().addListener(done -> disconnected(established));
        log.info("Connected to peer peer={} address={}", peer, address);
        failing = false;
        everConnected = true;
        connected = true;
        connectedAtNanos = System.nanoTime();
        established.write(Unpooled.wrappedBuffer(settings.handshake().encode()));
        while (!waiting.isEmpty()) {
            write(waiting.poll());
        }
        established.flush();
    }

    private void disconnected(Channel closed) {
        if (closed != channel) {
            return;
        }
        channel = null;
        connected = false;
        dropWaiting();
        if (settings.closed().get()) {
            return;
        }
        failing = true;
        log.warn("Lost connection to peer peer={} address={}", peer, address);
        // A peer that accepts and then closes at once is not hammered: the back-off only resets
        // after a connection that stayed up for the longest wait.
        long upMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedAtNanos);
        if (upMillis >= settings.limits().reconnectMaxMillis()) {
            backoffMillis = settings.limits().reconnectMinMillis();
        }
        redialLater();
    }

    private void redialLater() {
        if (settings.closed().get()) {
            return;
        }
        dialScheduled = true;
        long delayMillis = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, settings.limits().reconnectMaxMillis());
        loop.schedule(this::redial, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void redial() {
        dialScheduled = false;
        if (!waiting.isEmpty() && channel == null && !settings.closed().get()) {
            dial();
        }
    }

    private void write(PeerEnvelope envelope) {
        Optional<ByteBuf> frame = frame(envelope);
        if (frame.isPresent()) {
            channel.write(frame.get()).addListener(written);
        } else {
            dropped(1);
        }
    }

    // The event-loop boundary for encoding: a message the codec refuses is a bug in its sender,
    // logged and dropped so that the link and the messages after it are unaffected.
    private Optional<ByteBuf> frame(PeerEnvelope envelope) {
        byte[] bytes;
        try {
            bytes = PeerCodec.encode(envelope);
        } catch (RuntimeException e) {
            log.error("Dropping a peer message that cannot be encoded peer={} message={}", peer, envelope, e);
            return Optional.empty();
        }
        if (bytes.length > settings.limits().maxFrameBytes()) {
            log.warn("Dropping a peer message larger than maxFrameBytes peer={} message={} bytes={} maxFrameBytes={}",
                    peer, envelope, bytes.length, settings.limits().maxFrameBytes());
            return Optional.empty();
        }
        return Optional.of(Unpooled.wrappedBuffer(bytes));
    }

    private void written(ChannelFuture future) {
        outstanding.decrementAndGet();
        if (!future.isSuccess()) {
            settings.dropped().increment();
        }
    }

    private void dropWaiting() {
        dropped(waiting.size());
        waiting.clear();
    }

    private void dropped(int count) {
        outstanding.addAndGet(-count);
        settings.dropped().add(count);
    }
}
