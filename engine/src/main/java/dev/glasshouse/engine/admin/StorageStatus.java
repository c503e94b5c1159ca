package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.DirectorySizes;
import dev.glasshouse.engine.admin.api.Distribution;
import dev.glasshouse.engine.admin.api.SnapshotInfo;
import java.util.Optional;

/**
 * What the operations endpoints show about durable storage: {@code dirs}, {@code last_snapshot}
 * and the {@code fsynctime} summary. Implementations are thread-safe and answer without blocking
 * on I/O for long (a directory listing at most).
 *
 * <p>A member that keeps its data in memory reports {@link #IN_MEMORY}: empty directories, no
 * snapshot and no fsync. The durable storage work provides the implementation backed by its
 * transaction log and snapshot store.
 */
public interface StorageStatus {

    /** Nothing is written to disk: zero sizes, no snapshot, no fsync measured. */
    StorageStatus IN_MEMORY = new StorageStatus() {
        @Override
        public DirectorySizes directorySizes() {
            return DirectorySizes.NONE;
        }

        @Override
        public Optional<SnapshotInfo> lastSnapshot() {
            return Optional.empty();
        }

        @Override
        public Distribution fsyncMillis() {
            return Distribution.EMPTY;
        }
    };

    /** Bytes of snapshots in the data directory and of logs in the log directory. */
    DirectorySizes directorySizes();

    /** The newest complete snapshot, empty when there is none. */
    Optional<SnapshotInfo> lastSnapshot();

    /** Time each transaction log fsync took, in milliseconds. */
    Distribution fsyncMillis();
}
