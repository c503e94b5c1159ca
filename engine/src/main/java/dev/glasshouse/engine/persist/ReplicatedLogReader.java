package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Zxid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a replicated member's transaction log as the history the replication core starts from:
 * every record after the member's newest snapshot, oldest first, as a {@link Proposal} of its zxid
 * and {@link TxnCodec} bytes. Records the snapshot already covers are skipped.
 *
 * <p>The records after the snapshot must continue it without a gap: each is the next counter of
 * its predecessor's epoch or counter 1 of a later epoch (every epoch's proposals count from 1), and
 * without a snapshot the first record opens the history at counter 1. Anything else means segments
 * were purged or lost, and is a {@link CorruptLogException} that says so. A torn tail of the newest segment (never synced, so
 * never acknowledged) is cut off with one WARN, and damage elsewhere stops start-up, exactly as
 * {@link Recovery} handles them for a standalone member. Runs once, on the starting thread.
 */
public final class ReplicatedLogReader {
    private ReplicatedLogReader() {
    }

    /** Every proposal of a log without snapshots, in zxid order, after cutting a torn tail. */
    public static List<Proposal> readAll(Disk logDisk) throws IOException {
        return readAfter(logDisk, Zxid.ZERO);
    }

    /**
     * The proposals after {@code snapshotZxid} in zxid order, after cutting a torn tail; empty when
     * the snapshot covers the whole log.
     */
    public static List<Proposal> readAfter(Disk logDisk, Zxid snapshotZxid) throws IOException {
        List<Proposal> proposals = new ArrayList<>();
        String[] lastWithRecords = {""};
        TxnLogReader.End end = new TxnLogReader(logDisk).read(entry -> {
            Zxid zxid = new Zxid(entry.transaction().zxid());
            lastWithRecords[0] = entry.segment();
            if (!zxid.isAfter(snapshotZxid)) {
                standaloneCheck(logDisk, entry, zxid);
                return;
            }
            Zxid previous = proposals.isEmpty() ? snapshotZxid : proposals.get(proposals.size() - 1).zxid();
            check(logDisk, entry, zxid, previous);
            proposals.add(new Proposal(zxid, TxnCodec.encode(entry.transaction())));
        });
        Recovery.finish(end, logDisk);
        Recovery.removeEmptySegments(logDisk, lastWithRecords[0]);
        return List.copyOf(proposals);
    }

    private static void check(Disk logDisk, TxnLogReader.Entry entry, Zxid zxid, Zxid previous)
            throws CorruptLogException {
        standaloneCheck(logDisk, entry, zxid);
        boolean next = zxid.epoch() == previous.epoch() && zxid.counter() == previous.counter() + 1;
        boolean newEpoch = zxid.epoch() > previous.epoch() && zxid.counter() == 1;
        if (!next && !newEpoch) {
            String file = logDisk.describe(entry.segment());
            String what = previous.equals(Zxid.ZERO)
                    ? "starts at zxid " + zxid + ", not at the first transaction of its history (counter 1)"
                    : "jumps from zxid " + previous + " to " + zxid + " at byte " + entry.offset();
            throw new CorruptLogException(file, entry.offset(), "Transaction log " + file + " " + what
                    + ": log segments the newest snapshot needs were purged or lost. This member will not start."
                    + " Move its data directory aside and restart it so that it copies a fresh state from the other"
                    + " members.");
        }
    }

    private static void standaloneCheck(Disk logDisk, TxnLogReader.Entry entry, Zxid zxid)
            throws CorruptLogException {
        if (zxid.epoch() == 0 || zxid.counter() == 0) {
            String file = logDisk.describe(entry.segment());
            throw new CorruptLogException(file, entry.offset(), "Transaction log " + file + " holds zxid " + zxid
                    + " at byte " + entry.offset() + ", which no leader proposes (a standalone member writes epoch"
                    + " 0). A replicated member cannot start from a standalone member's data directory: move it"
                    + " aside and restart this member so that it copies a fresh state from the other members.");
        }
    }
}
