package dev.glasshouse.engine.server;

import dev.glasshouse.engine.net.ClientChannel;
import dev.glasshouse.engine.net.ClientListener;
import dev.glasshouse.engine.persist.GroupCommitter;
import dev.glasshouse.engine.persist.SnapshotStore;
import dev.glasshouse.engine.persist.TxnLog;
import dev.glasshouse.engine.request.Effects;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.server.config.PersistenceConfig;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The single thread that owns a member's {@link Pipeline}. Netty threads hand it decoded frames
 * through {@link ClientListener}; timers post ticks to the same thread; it calls the pipeline and
 * performs the returned {@link Effects} in order: frames out, then the transactions queued to the
 * log's sync thread ({@link GroupCommitter}). When a group commit is durable the batch comes back
 * into this thread's queue and each transaction goes to {@link Pipeline#onLogged} in zxid order,
 * which applies it and answers its client: nothing is acknowledged before the fsync that covers it.
 * Frames of one step are flushed together.
 *
 * <p>If the log fails, the member stops serving: every connection is closed and no later write is
 * acknowledged; what is on disk is left for recovery to judge at the next start.
 */
final class MemberEventLoop implements ClientListener, GroupCommitter.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemberEventLoop.class);

    /** Who the member is and how it keeps its data. */
    /**
     * @param requestFinished called on this loop after each {@link #request} has been handled, so
     *                        the network layer can count outstanding requests ({@code globalOutstandingLimit})
     */
    record Setup(String memberName, long tickMillis, TxnLog txnLog, SnapshotStore snapshots,
                 PersistenceConfig persistence, long randomSeed, Runnable requestFinished) {
    }

    private final Pipeline pipeline;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final ClientChannels channels = new ClientChannels();
    private final GroupCommitter committer;
    private final SnapshotScheduler snapshots;
    private final Runnable requestFinished;
    private boolean failed;

    MemberEventLoop(Pipeline pipeline, Clock clock, Setup setup) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.requestFinished = setup.requestFinished();
        String memberName = setup.memberName();
        this.thread = EventLoopThread.start(memberName);
        this.committer = new GroupCommitter(setup.txnLog(), this,
                setup.persistence().fsyncWarningThresholdMillis(), memberName);
        this.snapshots = new SnapshotScheduler(setup.snapshots(), setup.persistence().snapCount(),
                new SplittableRandom(setup.randomSeed()), committer::roll);
        thread.execute(() -> MDC.put("member", memberName));
        thread.scheduleWithFixedDelay(this::tick, setup.tickMillis(), setup.tickMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void connected(ClientChannel channel, ConnectRequest request) {
        submit(() -> {
            if (failed) {
                channel.closeAfterFlush();
                return Effects.NONE;
            }
            channels.add(channel);
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

    /** On the sync thread: the batch is durable; apply and answer it on the event loop. */
    @Override
    public void durable(List<Transaction> batch) {
        try {
            thread.execute(() -> applyDurable(batch));
        } catch (RejectedExecutionException e) {
            // The member is stopping: the batch is on disk and recovery will apply it; its clients are gone.
            log.debug("Durable batch after stop transactions={}", batch.size());
        }
    }

    /** On the sync thread: the log cannot keep its promise any more. */
    @Override
    public void failed(IOException cause) {
        log.error("Transaction log failed; this member stops serving and acknowledges nothing more. Check the"
                + " disk of the data log directory (full, read-only, failing), then restart the member.", cause);
        try {
            thread.execute(this::stopServing);
        } catch (RejectedExecutionException e) {
            log.debug("Log failure after stop");
        }
    }

    private void stopServing() {
        failed = true;
        channels.closeAll();
    }

    private void tick() {
        run(() -> pipeline.onTick(clock.nowMillis()));
    }

    private void submit(Supplier<Effects> step) {
        thread.execute(() -> run(step));
    }

    // The event-loop boundary: a bug surfaces as one ERROR line here instead of killing the thread.
    private void run(Supplier<Effects> step) {
        if (failed) {
            return;
        }
        try {
            perform(step.get());
            channels.flush();
        } catch (RuntimeException e) {
            log.error("Member event loop failed; the member keeps its data but this step was lost", e);
        }
    }

    private void applyDurable(List<Transaction> batch) {
        if (failed) {
            return;
        }
        try {
            long now = clock.nowMillis();
            for (Transaction transaction : batch) {
                perform(pipeline.onLogged(transaction, now));
            }
            channels.flush();
            snapshots.applied(batch.size(), pipeline);
        } catch (RuntimeException e) {
            log.error("Member event loop failed applying durable transactions; the member keeps its data", e);
        }
    }

    private void perform(Effects effects) {
        effects.warnings().forEach(line -> log.warn("{}", line));
        effects.toSend().forEach(channels::perform);
        if (!effects.toLog().isEmpty()) {
            committer.append(effects.toLog());
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

    /** Syncs and applies what is queued for the log, then stops the event loop and the snapshot writer. */
    @Override
    public void close() {
        committer.close();
        EventLoopThread.stop(thread);
        snapshots.close();
    }
}
