package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Zxid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a replicated member's whole transaction log as the history the replication core starts
 * from: every record, oldest first, as a {@link Proposal} of its zxid and {@link TxnCodec} bytes.
 *
 * <p>A replicated member keeps its whole log, because a follower that lags is brought up to date
 * from it. So the first record must open the history (counter 1: every epoch's proposals count from
 * 1 without gaps) and every later record must be the next counter of its epoch or counter 1 of a
 * later epoch; anything else means segments were purged or lost, and is a
 * {@link CorruptLogException} that says so. A torn tail of the newest segment (never synced, so
 * never acknowledged) is cut off with one WARN, and damage elsewhere stops start-up, exactly as
 * {@link Recovery} handles them for a standalone member. Runs once, on the starting thread.
 */
public final class ReplicatedLogReader {
    private ReplicatedLogReader() {
    }

    /** Every proposal of the log in zxid order, after cutting a torn tail; empty for an empty log. */
    public static List<Proposal> readAll(Disk logDisk) throws IOException {
        List<Proposal> proposals = new ArrayList<>();
        String[] lastWithRecords = {""};
        TxnLogReader.End end = new TxnLogReader(logDisk).read(entry -> {
            Zxid zxid = new Zxid(entry.transaction().zxid());
            Zxid previous = proposals.isEmpty() ? Zxid.ZERO : proposals.get(proposals.size() - 1).zxid();
            check(logDisk, entry, zxid, previous);
            proposals.add(new Proposal(zxid, TxnCodec.encode(entry.transaction())));
            lastWithRecords[0] = entry.segment();
        });
        Recovery.finish(end, logDisk);
        Recovery.removeEmptySegments(logDisk, lastWithRecords[0]);
        return List.copyOf(proposals);
    }

    private static void check(Disk logDisk, TxnLogReader.Entry entry, Zxid zxid, Zxid previous)
            throws CorruptLogException {
        String file = logDisk.describe(entry.segment());
        if (zxid.epoch() == 0 || zxid.counter() == 0) {
            throw new CorruptLogException(file, entry.offset(), "Transaction log " + file + " holds zxid " + zxid
                    + " at byte " + entry.offset() + ", which no leader proposes (a standalone member writes epoch"
                    + " 0). A replicated member cannot start from a standalone member's data directory: move it"
                    + " aside and restart this member so that it copies a fresh state from the other members.");
        }
        boolean next = zxid.epoch() == previous.epoch() && zxid.counter() == previous.counter() + 1;
        boolean newEpoch = zxid.epoch() > previous.epoch() && zxid.counter() == 1;
        if (!next && !newEpoch) {
            String what = previous.equals(Zxid.ZERO)
                    ? "starts at zxid " + zxid + ", not at the first transaction of its history (counter 1)"
                    : "jumps from zxid " + previous + " to " + zxid + " at byte " + entry.offset();
            throw new CorruptLogException(file, entry.offset(), "Transaction log " + file + " " + what
                    + ": log segments were purged or lost, but replicated members keep their whole log. This member"
                    + " will not start. Move its data directory aside and restart it so that it copies a fresh"
                    + " state from the other members.");
        }
    }
}
