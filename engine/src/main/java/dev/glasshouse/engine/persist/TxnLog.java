package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.request.Transaction;
import java.io.IOException;

/**
 * The member's write-ahead transaction log. Used by one thread, the log's sync thread.
 *
 * <p>Ordering: transactions are appended in strictly increasing zxid order and read back in that
 * order. Durability: an appended transaction is durable only once a later {@link #sync()} has
 * returned normally; nothing may be acknowledged before that. With {@code forceSync=no} the sync
 * hands the bytes to the operating system without waiting for the disk, which a power loss can
 * undo. Failure: after any {@link IOException} the log is in an unknown state; the caller must
 * stop using it, acknowledge nothing more and let recovery decide at the next start.
 */
public interface TxnLog extends AutoCloseable {
    /** Buffers one transaction after the previous one. */
    void append(Transaction transaction) throws IOException;

    /** Writes every buffered transaction and waits until the disk holds it. */
    void sync() throws IOException;

    /**
     * Starts a new segment with the next append, so that the segments before a snapshot can be
     * purged. Only between syncs: nothing may be buffered.
     */
    void roll() throws IOException;

    /**
     * Durably removes every transaction after {@code zxid} (a follower dropping what the new leader
     * never committed), so that the next append continues after {@code zxid}. Only between syncs:
     * nothing may be buffered. A crash part way leaves a prefix of the log that still holds
     * everything up to {@code zxid}; the caller repeats the truncation after recovery.
     *
     * @throws IllegalStateException when {@code zxid} lies after {@link #lastZxid()} or bytes are buffered
     */
    void truncate(long zxid) throws IOException;

    /** The zxid of the last appended transaction, or of the recovered state when none was. */
    long lastZxid();

    /** Syncs what is buffered and releases the files. */
    @Override
    void close() throws IOException;
}
