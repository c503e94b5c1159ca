package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a member keeps snapshots of its tree and sessions. Thread-safe: snapshots are written on a
 * background thread while start-up and purging read from others.
 *
 * <p>Durability and atomicity: {@link #write} returns only once the snapshot is durable, and a
 * crash at any moment leaves either no snapshot of that zxid or a complete one (it is written
 * under a temporary name and renamed). A snapshot never replaces the log: the transactions it
 * covers were logged and synced before it was taken. Failure: a snapshot that does not read back
 * intact is skipped with a WARN and the next older one is used.
 */
public interface SnapshotStore {
    void write(Snapshot snapshot) throws IOException;

    /** The newest snapshot that reads back intact, or empty when there is none. */
    Optional<Snapshot> loadNewest() throws IOException;

    /** The zxids of the snapshots present (intact or not), newest first. */
    List<Long> zxids() throws IOException;

    /** Deletes the snapshot of {@code zxid}; purging does this. */
    void delete(long zxid) throws IOException;
}
