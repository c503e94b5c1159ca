package dev.glasshouse.engine.persist;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes snapshots beyond the newest {@code retain} and the log segments only they needed
 * (ZooKeeper's {@code PurgeTxnLog}). The segment that holds the transactions right after the oldest
 * kept snapshot, and every later one, is kept, so recovery from any kept snapshot still works.
 * With no snapshot at all nothing is deleted: the log is then the only copy of the data.
 */
public final class Purge {
    private static final Logger log = LoggerFactory.getLogger(Purge.class);
    /** ZooKeeper refuses to keep fewer than three snapshots, so one damaged snapshot never leaves none. */
    public static final int MIN_RETAIN = 3;

    /** What one purge removed. */
    public record Result(int snapshotsDeleted, int segmentsDeleted) {
    }

    private Purge() {
    }

    public static Result run(SnapshotStore snapshots, Disk logDisk, int retain) throws IOException {
        if (retain < MIN_RETAIN) {
            throw new IllegalArgumentException("at least " + MIN_RETAIN + " snapshots must be kept, not " + retain);
        }
        List<Long> zxids = snapshots.zxids();
        if (zxids.isEmpty()) {
            return new Result(0, 0);
        }
        long oldestKept = zxids.get(Math.min(retain, zxids.size()) - 1);
        int snapshotsDeleted = 0;
        for (long zxid : zxids.subList(Math.min(retain, zxids.size()), zxids.size())) {
            snapshots.delete(zxid);
            snapshotsDeleted++;
        }
        List<String> segments = LogSegments.sorted(logDisk, LogSegments.LOG_PREFIX);
        int segmentsDeleted = 0;
        // Segment i holds zxids from its name up to the next segment's first zxid; it is needed
        // unless the next segment already starts at or before the first transaction after the snapshot.
        for (int i = 0; i + 1 < segments.size(); i++) {
            long nextFirst = LogSegments.zxidOf(segments.get(i + 1), LogSegments.LOG_PREFIX).orElseThrow();
            if (Long.compareUnsigned(nextFirst, oldestKept + 1) > 0) {
                break;
            }
            logDisk.delete(segments.get(i));
            segmentsDeleted++;
        }
        log.info("Purged snapshotsDeleted={} logSegmentsDeleted={} oldestKeptSnapshot=0x{}", snapshotsDeleted,
                segmentsDeleted, Long.toHexString(oldestKept));
        return new Result(snapshotsDeleted, segmentsDeleted);
    }
}
