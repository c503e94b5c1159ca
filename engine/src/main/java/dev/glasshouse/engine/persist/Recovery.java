package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.request.ReplayedState;
import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.tree.DataTree;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: the newest intact snapshot, then every later log record replayed in zxid
 * order. A torn tail of the newest log segment (bytes no fsync covered, so never acknowledged) is
 * cut off with one WARN naming file, offset and bytes dropped; damage anywhere else, or a stretch
 * of transactions missing between the snapshot and the log, stops start-up with a
 * {@link CorruptLogException} that tells the operator what to do. Runs once, on the starting thread.
 */
public final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    /** What recovery rebuilt and from where. */
    public record Result(ReplayedState state, long snapshotZxid, long replayed) {
    }

    private Recovery() {
    }

    /** Recovers the state; {@code nowMillis} restarts the sessions' expiry clocks. */
    public static Result recover(SnapshotStore snapshots, Disk logDisk, long nowMillis) throws IOException {
        Optional<Snapshot> snapshot = snapshots.loadNewest();
        ReplayedState state = snapshot.map(s -> restore(s, nowMillis)).orElseGet(ReplayedState::empty);
        long snapshotZxid = state.lastZxid();
        long[] previous = {-1};
        long[] replayed = {0};
        String[] lastWithRecords = {""};
        TxnLogReader.End end = new TxnLogReader(logDisk).read(entry -> {
            long zxid = entry.transaction().zxid();
            if (zxid > snapshotZxid) {
                if (replayed[0] == 0 && previous[0] < snapshotZxid && zxid != snapshotZxid + 1) {
                    throw new CorruptLogException(logDisk.describe(entry.segment()), entry.offset(),
                            "The transaction log lacks the transactions between snapshot 0x"
                                    + Long.toHexString(snapshotZxid) + " and 0x" + Long.toHexString(zxid) + " in "
                                    + logDisk.describe(entry.segment()) + ". This member will not start. Restore"
                                    + " the missing log segments or an intact newer snapshot from a backup.");
                }
                state.replay(entry.transaction(), nowMillis);
                replayed[0]++;
            }
            previous[0] = zxid;
            lastWithRecords[0] = entry.segment();
        });
        finish(end, logDisk);
        removeEmptySegments(logDisk, lastWithRecords[0]);
        log.info("Recovered snapshotZxid=0x{} replayed={} lastZxid=0x{} nodes={} sessions={} ephemerals={}",
                Long.toHexString(snapshotZxid), replayed[0], Long.toHexString(state.lastZxid()),
                state.tree().nodeCount(), state.sessions().size(), state.ephemeralCount());
        return new Result(state, snapshotZxid, replayed[0]);
    }

    /** The state a snapshot holds, with every session's expiry clock restarted at {@code nowMillis}. */
    public static ReplayedState restore(Snapshot snapshot, long nowMillis) {
        SessionTable sessions = new SessionTable();
        for (SessionImage session : snapshot.sessions()) {
            sessions.open(session.id(), session.timeoutMillis(), session.password(), nowMillis);
        }
        return ReplayedState.of(DataTree.restore(snapshot.nodes()), sessions, snapshot.zxid());
    }

    /**
     * Segments after the last one holding a record hold none (a crash cut them before their first
     * record was synced); the next segment may need one of their names, so they go.
     */
    static void removeEmptySegments(Disk logDisk, String lastWithRecords) throws IOException {
        long after = LogSegments.zxidOf(lastWithRecords, LogSegments.LOG_PREFIX).orElse(-1L);
        for (String segment : LogSegments.sorted(logDisk, LogSegments.LOG_PREFIX)) {
            long first = LogSegments.zxidOf(segment, LogSegments.LOG_PREFIX).orElseThrow();
            if (after < 0 || Long.compareUnsigned(first, after) > 0) {
                logDisk.delete(segment);
                log.info("Removed an empty transaction log segment file={}", logDisk.describe(segment));
            }
        }
    }

    static void finish(TxnLogReader.End end, Disk logDisk) throws IOException {
        if (end instanceof TxnLogReader.End.TornTail torn) {
            String file = logDisk.describe(torn.segment());
            if (torn.offset() == 0) {
                logDisk.delete(torn.segment());
            } else {
                logDisk.truncate(torn.segment(), torn.offset());
            }
            if (torn.bytesDropped() > 0) {
                log.warn("Truncated the torn tail of the transaction log file={} offset={} bytesDropped={}"
                        + " (written but never synced, so never acknowledged)", file, torn.offset(),
                        torn.bytesDropped());
            } else {
                log.info("Removed the unwritten end of the transaction log file={} offset={}", file, torn.offset());
            }
        } else if (end instanceof TxnLogReader.End.Corrupt corrupt) {
            String file = logDisk.describe(corrupt.segment());
            throw new CorruptLogException(file, corrupt.offset(), "Transaction log " + file + " is damaged at byte "
                    + corrupt.offset() + " (" + corrupt.reason() + "). This member will not start: the records"
                    + " after that point may hold acknowledged writes. Restore the data directory from a backup,"
                    + " or move it aside and restart to start empty; `glasshouse-engine log dump "
                    + "<dataLogDir>` lists the records before the damage.");
        }
    }
}
