package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.request.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's sync thread (ZooKeeper's {@code SyncRequestProcessor}): takes transactions, rolls and
 * truncations from the event loop in one queue, appends everything that is queued, makes it durable
 * with one fsync and only then reports the batch as durable, in append order. A batch is cut at
 * {@value #MAX_BATCH} transactions; a roll or a truncation first syncs and reports what came before it.
 *
 * <p>Owns its {@link TxnLog}; the event loop only queues work. A failed write or sync is reported
 * once through {@link Listener#failed} and the thread stops: nothing after the last reported batch
 * is ever acknowledged. {@link #close()} drains what is queued, syncs and closes the log.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    static final int MAX_BATCH = 1000;
    private static final Object ROLL = new Object();
    private static final Object STOP = new Object();

    /** Queued in order with appends: cut the log after {@code zxid} once everything before it is durable. */
    private record Truncate(long zxid) {
    }

    /** Told, on the sync thread, what became durable or that the log failed. */
    public interface Listener {
        void durable(List<Transaction> batch);

        void failed(IOException cause);

        /** Every transaction after {@code zxid} is durably gone; appends queued after the truncation follow. */
        default void truncated(long zxid) {
            // Most listeners only track what became durable.
        }
    }

    private final TxnLog txnLog;
    private final Listener listener;
    private final long warnAboveMillis;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    public GroupCommitter(TxnLog txnLog, Listener listener, long warnAboveMillis, String memberName) {
        this.txnLog = txnLog;
        this.listener = listener;
        this.warnAboveMillis = warnAboveMillis;
        this.thread = new Thread(this::run, "member-" + memberName + "-log-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues transactions in zxid order; called from the event loop. */
    public void append(List<Transaction> transactions) {
        queue.addAll(transactions);
    }

    /** Starts a new log segment after everything queued so far (after a snapshot, so purging can remove old ones). */
    public void roll() {
        queue.add(ROLL);
    }

    /**
     * Removes every transaction after {@code zxid} from the log, in order with appends: what was
     * queued before is synced and reported first, what is queued after is appended after the cut.
     * {@link Listener#truncated} reports the cut; a failure is reported like a failed sync.
     */
    public void truncate(long zxid) {
        queue.add(new Truncate(zxid));
    }

    private void run() {
        List<Transaction> batch = new ArrayList<>();
        try {
            while (true) {
                Object next = queue.take();
                while (next != null) {
                    if (next == STOP) {
                        commit(batch);
                        txnLog.close();
                        return;
                    }
                    if (next == ROLL) {
                        commit(batch);
                        txnLog.roll();
                    } else if (next instanceof Truncate truncate) {
                        commit(batch);
                        txnLog.truncate(truncate.zxid());
                        listener.truncated(truncate.zxid());
                    } else {
                        Transaction transaction = (Transaction) next;
                        txnLog.append(transaction);
                        batch.add(transaction);
                        if (batch.size() >= MAX_BATCH) {
                            commit(batch);
                        }
                    }
                    next = queue.poll();
                }
                commit(batch);
            }
        } catch (IOException e) {
            listener.failed(e);
        } catch (RuntimeException e) {
            // A broken invariant (a zxid out of order) must stop acknowledgements just like a disk error.
            listener.failed(new IOException("transaction log rejected a write: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            // Only close interrupts this thread, after the grace period: what was not synced is not acknowledged.
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Transaction> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        txnLog.sync();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (millis > warnAboveMillis) {
            log.warn("Slow fsync of the transaction log millis={} transactions={} thresholdMillis={}", millis,
                    batch.size(), warnAboveMillis);
        }
        listener.durable(List.copyOf(batch));
        batch.clear();
    }

    /** Syncs what is queued, reports it and closes the log; waits up to five seconds. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            if (thread.isAlive()) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
