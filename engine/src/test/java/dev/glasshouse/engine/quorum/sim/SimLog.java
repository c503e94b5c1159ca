package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.Epochs;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Recovered;
import dev.glasshouse.engine.quorum.Zxid;
import java.util.ArrayList;
import java.util.List;

/**
 * One member's simulated disk: the epoch files (written durably at once) and a transaction log
 * whose appended entries become durable only at the next {@link #sync}; a crash drops the rest,
 * as an unsynced page cache would. Truncation is durable at once. Checks that zxids only grow in
 * the log and throws {@link AssertionError} otherwise. Survives the member's crashes. Single-threaded.
 */
final class SimLog {
    private final String member;
    private Epochs epochs = Epochs.ZERO;
    private final List<Proposal> entries = new ArrayList<>();
    private int syncedCount;

    SimLog(String member) {
        this.member = member;
    }

    void append(Proposal proposal) {
        if (!proposal.zxid().isAfter(last())) {
            throw new AssertionError("Invariant broken: zxids grow: " + member + " appended " + proposal.zxid()
                    + " after " + last());
        }
        entries.add(proposal);
    }

    void truncate(Zxid to) {
        entries.removeIf(p -> p.zxid().isAfter(to));
        syncedCount = Math.min(syncedCount, entries.size());
    }

    /** Makes everything appended so far durable; returns the last durable zxid. */
    Zxid sync() {
        syncedCount = entries.size();
        return last();
    }

    void persist(Epochs next) {
        if (next.acceptedEpoch() < epochs.acceptedEpoch() || next.currentEpoch() < epochs.currentEpoch()) {
            throw new AssertionError("Invariant broken: epochs grow: " + member + " wrote " + next + " over " + epochs);
        }
        epochs = next;
    }

    /** A crash: unsynced entries are gone. */
    void crash() {
        entries.subList(syncedCount, entries.size()).clear();
    }

    Recovered recover() {
        return new Recovered(epochs, entries.subList(0, syncedCount));
    }

    /** The last zxid that survives a crash. */
    Zxid durableThrough() {
        return syncedCount == 0 ? Zxid.ZERO : entries.get(syncedCount - 1).zxid();
    }

    Epochs epochs() {
        return epochs;
    }

    /** Every entry, durable or not. */
    List<Proposal> entries() {
        return List.copyOf(entries);
    }

    Zxid last() {
        return entries.isEmpty() ? Zxid.ZERO : entries.get(entries.size() - 1).zxid();
    }
}
