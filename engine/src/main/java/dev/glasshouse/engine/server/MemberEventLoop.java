package dev.glasshouse.engine.server;

import dev.glasshouse.engine.net.ClientChannel;
import dev.glasshouse.engine.net.ClientListener;
import dev.glasshouse.engine.request.Effects;
import dev.glasshouse.engine.request.Outbound;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The single thread that owns a member's {@link Pipeline}. Netty threads hand it decoded frames
 * through {@link ClientListener}; timers post ticks to the same thread; it calls the pipeline and
 * performs the returned {@link Effects} in order: frames out, then each transaction made durable
 * and applied. Frames of one batch are flushed together.
 *
 * <p>Transactions are kept in memory only until the durable transaction log lands; the driver
 * already treats "logged" as a separate step so the log slots in here without touching the core.
 */
final class MemberEventLoop implements ClientListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemberEventLoop.class);

    private final Pipeline pipeline;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final Map<Long, ClientChannel> channels = new HashMap<>();
    private final Runnable requestFinished;

    MemberEventLoop(Pipeline pipeline, Clock clock, String memberName, long tickMillis) {
        this(pipeline, clock, memberName, tickMillis, () -> { });
    }

    /**
     * @param requestFinished called on this loop after each {@link #request} has been handled, so
     *                        the network layer can count outstanding requests ({@code globalOutstandingLimit})
     */
    MemberEventLoop(Pipeline pipeline, Clock clock, String memberName, long tickMillis, Runnable requestFinished) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.requestFinished = requestFinished;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "member-" + memberName + "-event-loop");
            t.setDaemon(true);
            return t;
        });
        thread.execute(() -> MDC.put("member", memberName));
        thread.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void connected(ClientChannel channel, ConnectRequest request) {
        submit(() -> {
            channels.put(channel.id(), channel);
            return pipeline.onConnect(channel.id(), channel.remoteAddress(), request, clock.nowMillis());
        });
    }

    @Override
    public void request(long connectionId, RequestHeader header, RequestBody body) {
        thread.execute(() -> {
            run(() -> pipeline.onRequest(connectionId, header, body, clock.nowMillis()));
            requestFinished.run();
        });
    }

    @Override
    public void disconnected(long connectionId) {
        submit(() -> {
            channels.remove(connectionId);
            return pipeline.onDisconnected(connectionId);
        });
    }

    private void tick() {
        run(() -> pipeline.onTick(clock.nowMillis()));
    }

    private void submit(java.util.function.Supplier<Effects> step) {
        thread.execute(() -> run(step));
    }

    // The event-loop boundary: a bug surfaces as one ERROR line here instead of killing the thread.
    private void run(java.util.function.Supplier<Effects> step) {
        try {
            perform(step.get());
        } catch (RuntimeException e) {
            log.error("Member event loop failed; the member keeps its data but this step was lost", e);
        }
    }

    private void perform(Effects first) {
        Set<ClientChannel> touched = new LinkedHashSet<>();
        Deque<Effects> work = new ArrayDeque<>();
        work.add(first);
        while (!work.isEmpty()) {
            Effects effects = work.poll();
            effects.warnings().forEach(line -> log.warn("{}", line));
            for (Outbound outbound : effects.toSend()) {
                send(outbound, touched);
            }
            for (Transaction transaction : effects.toLog()) {
                work.add(pipeline.onLogged(transaction, clock.nowMillis()));
            }
        }
        touched.forEach(ClientChannel::flush);
    }

    private void send(Outbound outbound, Set<ClientChannel> touched) {
        ClientChannel channel = channels.get(outbound.connectionId());
        if (channel == null) {
            return;
        }
        if (outbound instanceof Outbound.Frame frame) {
            channel.write(frame.body());
            touched.add(channel);
        } else if (outbound instanceof Outbound.Disconnect disconnect) {
            log.debug("Closing client connection {} reason=\"{}\"", channel, disconnect.reason());
            channels.remove(outbound.connectionId());
            touched.remove(channel);
            channel.closeAfterFlush();
        }
    }

    /** Runs a read-only look at member state on the event-loop thread, for admin views and tests. */
    <T> T inspect(java.util.function.Function<Pipeline, T> view) throws InterruptedException {
        try {
            return thread.submit(() -> view.apply(pipeline)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("inspection failed", e.getCause());
        }
    }

    /** Like {@link #inspect} without blocking the caller: the future completes on the event-loop thread. */
    <T> java.util.concurrent.CompletableFuture<T> inspectAsync(java.util.function.Function<Pipeline, T> view) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> view.apply(pipeline), thread);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
