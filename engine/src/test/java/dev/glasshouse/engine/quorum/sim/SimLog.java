package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.Epochs;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Recovered;
import dev.glasshouse.engine.quorum.Zxid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One member's simulated disk: the epoch files (written durably at once), the newest snapshot
 * (written durably and atomically) and a transaction log whose appended entries become durable
 * only at the next {@link #sync}; a crash drops the rest, as an unsynced page cache would.
 * Truncation and purging are durable at once. Checks that zxids only grow in the log and throws
 * {@link AssertionError} otherwise. Survives the member's crashes. Single-threaded.
 */
final class SimLog {
    private final String member;
    private Epochs epochs = Epochs.ZERO;
    private SimState snapshot = SimState.EMPTY;
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
        if (to.compareTo(snapshot.zxid()) < 0 && entries.stream().anyMatch(p -> p.zxid().isAfter(to))) {
            // The core never truncates what it applied, and a snapshot holds only applied entries.
            throw new AssertionError("Invariant broken: " + member + " truncates to " + to + " below its snapshot "
                    + snapshot.zxid());
        }
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

    /** A snapshot became durable; start-up uses the newest. */
    void saveSnapshot(SimState state) {
        if (state.zxid().isAfter(snapshot.zxid())) {
            snapshot = state;
        }
    }

    /** A leader's state became this member's: durable as a snapshot, then the log emptied. */
    void install(SimState state) {
        snapshot = state;
        entries.clear();
        syncedCount = 0;
    }

    /** Deletes the log entries the snapshot covers, as purging old segments does. */
    void purge() {
        int covered = 0;
        while (covered < entries.size() && !entries.get(covered).zxid().isAfter(snapshot.zxid())) {
            covered++;
        }
        entries.subList(0, covered).clear();
        syncedCount = Math.max(0, syncedCount - covered);
    }

    /** A crash: unsynced entries are gone. */
    void crash() {
        entries.subList(syncedCount, entries.size()).clear();
    }

    /** What a restarted member finds: the snapshot, and the durable entries after it. */
    Recovered recover() {
        List<Proposal> after = entries.subList(0, syncedCount).stream()
                .filter(p -> p.zxid().isAfter(snapshot.zxid())).toList();
        return new Recovered(epochs, snapshot.zxid(), after);
    }

    SimState snapshot() {
        return snapshot;
    }

    /** The last zxid that survives a crash. */
    Zxid durableThrough() {
        Zxid logged = syncedCount == 0 ? Zxid.ZERO : entries.get(syncedCount - 1).zxid();
        return logged.isAfter(snapshot.zxid()) ? logged : snapshot.zxid();
    }

    Epochs epochs() {
        return epochs;
    }

    /** Every transaction the member holds, in its snapshot or its log, durable or not. */
    Set<Proposal> held() {
        Set<Proposal> held = new LinkedHashSet<>(snapshot.applied());
        held.addAll(entries);
        return held;
    }

    Zxid last() {
        Zxid logged = entries.isEmpty() ? Zxid.ZERO : entries.get(entries.size() - 1).zxid();
        return logged.isAfter(snapshot.zxid()) ? logged : snapshot.zxid();
    }
}
