package dev.glasshouse.engine.server;

import dev.glasshouse.engine.persist.SessionImage;
import dev.glasshouse.engine.persist.Snapshot;
import dev.glasshouse.engine.persist.SnapshotStore;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.session.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a snapshot after a randomised number of applied transactions, between {@code snapCount/2+1}
 * and {@code snapCount} as ZooKeeper does so that members do not all snapshot at once. The image is
 * captured on the event loop (node images share data arrays, so this is a walk, not a copy of the
 * data), the log is rolled, and the file is written and synced on a background thread. At most one
 * snapshot is written at a time; a due snapshot is skipped while one is in flight.
 *
 * <p>{@link #applied} is called on the event-loop thread only.
 */
final class SnapshotScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotScheduler.class);

    private final SnapshotStore store;
    private final int snapCount;
    private final RandomGenerator random;
    private final Runnable rollLog;
    private final LongConsumer written;
    private final ExecutorService writer;
    private final AtomicBoolean writing = new AtomicBoolean();
    private long sinceLast;
    private long threshold;

    SnapshotScheduler(SnapshotStore store, int snapCount, RandomGenerator random, Runnable rollLog) {
        this(store, snapCount, random, rollLog, zxid -> { });
    }

    /**
     * Like the other constructor; {@code written} is told, on the writer thread, the zxid of each
     * snapshot once it is durable.
     */
    SnapshotScheduler(SnapshotStore store, int snapCount, RandomGenerator random, Runnable rollLog,
                      LongConsumer written) {
        this.store = store;
        this.written = written;
        this.snapCount = Math.max(2, snapCount);
        this.random = random;
        this.rollLog = rollLog;
        this.threshold = nextThreshold();
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshot-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    private long nextThreshold() {
        return snapCount / 2 + 1 + random.nextInt(snapCount - snapCount / 2);
    }

    /** {@code count} more transactions were applied; snapshots when due. */
    void applied(int count, Pipeline pipeline) {
        sinceLast += count;
        if (sinceLast < threshold) {
            return;
        }
        if (!writing.compareAndSet(false, true)) {
            log.debug("Snapshot due but the previous one is still being written; skipping");
            return;
        }
        sinceLast = 0;
        threshold = nextThreshold();
        Snapshot snapshot = capture(pipeline);
        rollLog.run();
        writer.execute(() -> write(snapshot));
    }

    static Snapshot capture(Pipeline pipeline) {
        List<SessionImage> sessions = new ArrayList<>(pipeline.sessions().size());
        for (Session session : pipeline.sessions().all()) {
            sessions.add(new SessionImage(session.id(), session.timeoutMillis(), session.password()));
        }
        return new Snapshot(pipeline.lastAppliedZxid(), sessions, pipeline.tree().images());
    }

    private void write(Snapshot snapshot) {
        long started = System.nanoTime();
        try {
            store.write(snapshot);
            log.info("Snapshot written zxid=0x{} nodes={} sessions={} millis={}", Long.toHexString(snapshot.zxid()),
                    snapshot.nodes().size(), snapshot.sessions().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            written.accept(snapshot.zxid());
        } catch (IOException | RuntimeException e) {
            // Nothing is lost: every transaction in the image is already durable in the log.
            log.warn("Snapshot failed zxid=0x{}; the log still holds every transaction", Long.toHexString(
                    snapshot.zxid()), e);
        } finally {
            writing.set(false);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
