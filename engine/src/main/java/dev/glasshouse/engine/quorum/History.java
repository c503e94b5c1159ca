package dev.glasshouse.engine.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One member's replicated history as the core sees it: the epoch files, the transaction log
 * (appended entries, durable through {@code syncedThrough}) and how far it has been applied
 * ({@code committedThrough}). It lives as long as the member's process, across role changes, and
 * turns each change into the matching {@link Effects} entry. Confined to the member's event loop.
 *
 * <p>The log in memory starts after {@code base}: the zxid of the state the member started from
 * (its newest snapshot, or a leader's {@link StateImage}), which everything up to it is already
 * part of. Once the driver made a snapshot durable, {@link #compact} moves the base up to it, so a
 * member holds only the transactions since its last snapshot; a learner that lags further behind is
 * sent an image instead of a log.
 *
 * <p>Invariants: log zxids strictly increase and follow the base; nothing applied is ever
 * truncated or replaced by a different transaction; epochs never go back.
 */
final class History {
    private final MemberId self;
    private Epochs epochs;
    private Zxid base;
    private final List<Proposal> log;
    private Zxid syncedThrough;
    /** Applied entries are {@code log[0, committedCount)}, after the base, which is applied. */
    private int committedCount;

    /** A history recovered from disk: the state at {@code base}, then durable entries not applied yet. */
    History(MemberId self, Epochs epochs, Zxid base, List<Proposal> log) {
        this.self = self;
        this.epochs = epochs;
        this.base = base;
        this.log = new ArrayList<>();
        for (Proposal proposal : log) {
            Check.state(proposal.zxid().isAfter(lastZxid()), "%s recovered log out of order at %s", self, proposal);
            this.log.add(proposal);
        }
        this.syncedThrough = lastZxid();
    }

    Epochs epochs() {
        return epochs;
    }

    /** What the election compares: the current epoch and the last logged zxid. */
    DurableState durableState() {
        return new DurableState(epochs.currentEpoch(), lastZxid());
    }

    Zxid lastZxid() {
        return log.isEmpty() ? base : log.get(log.size() - 1).zxid();
    }

    Zxid syncedThrough() {
        return syncedThrough;
    }

    Zxid committedThrough() {
        return committedCount == 0 ? base : log.get(committedCount - 1).zxid();
    }

    /** Where the log in memory starts: the zxid of the state the member started from or last compacted to. */
    Zxid base() {
        return base;
    }

    /** True when the log can be replayed from {@code zxid}: it is the base or a logged entry. */
    boolean contains(Zxid zxid) {
        return zxid.equals(base) || indexOf(zxid) >= 0;
    }

    /** The entries after {@code zxid}, which must be the base or in the log. */
    List<Proposal> after(Zxid zxid) {
        Check.state(contains(zxid), "%s has no entry %s", self, zxid);
        return List.copyOf(log.subList(zxid.equals(base) ? 0 : indexOf(zxid) + 1, log.size()));
    }

    /** The first logged entry not applied yet, if any. */
    Optional<Proposal> firstUncommitted() {
        return committedCount < log.size() ? Optional.of(log.get(committedCount)) : Optional.empty();
    }

    void append(Proposal proposal, Outbox out) {
        Check.state(proposal.zxid().isAfter(lastZxid()), "%s appending %s after %s", self, proposal, lastZxid());
        log.add(proposal);
        out.log(proposal);
    }

    /** Cuts the log back to {@code to}, which must not drop an applied entry. */
    void truncate(Zxid to, Outbox out) {
        Check.state(!committedThrough().isAfter(to), "%s truncating to %s below applied %s", self, to,
                committedThrough());
        log.removeIf(p -> p.zxid().isAfter(to));
        if (syncedThrough.isAfter(to)) {
            syncedThrough = to;
        }
        out.truncate(to);
    }

    /**
     * Replaces the whole state by a leader's {@code image}: the log is emptied and the image becomes
     * the base, applied. What this member had applied is replaced too, by a state that holds every
     * committed transaction the image's zxid covers; the member serves no client meanwhile.
     */
    void install(StateImage image, Outbox out) {
        log.clear();
        base = image.zxid();
        committedCount = 0;
        // The driver makes the image durable before it empties the log, so the base survives a crash.
        syncedThrough = base;
        out.install(image);
    }

    /**
     * Drops the applied entries through {@code zxid} from memory, once the driver has a durable
     * snapshot of that state: a learner that needs them gets an image. Ignored unless {@code zxid}
     * is an applied entry of this history (an image installed since the snapshot was taken may have
     * replaced it).
     */
    void compact(Zxid zxid) {
        int index = indexOf(zxid);
        if (index < 0 || committedThrough().compareTo(zxid) < 0) {
            return;
        }
        int dropped = index + 1;
        log.subList(0, dropped).clear();
        committedCount -= dropped;
        base = zxid;
    }

    /** The driver made the log durable through {@code zxid} (or the whole log, if shorter). */
    void synced(Zxid zxid) {
        Zxid through = zxid.isAfter(lastZxid()) ? lastZxid() : zxid;
        if (through.isAfter(syncedThrough)) {
            syncedThrough = through;
        }
    }

    /** Applies every logged entry through {@code zxid}, in order, and reports how far with one event. */
    void commitThrough(Zxid zxid, Outbox out) {
        Check.state(!zxid.isAfter(lastZxid()), "%s committing %s beyond its log end %s", self, zxid, lastZxid());
        int before = committedCount;
        while (committedCount < log.size() && !log.get(committedCount).zxid().isAfter(zxid)) {
            out.commit(log.get(committedCount));
            committedCount++;
        }
        if (committedCount > before) {
            out.event(new ReplicaEvent.Committed(self, committedThrough(), out.nowMillis()));
        }
    }

    void acceptEpoch(long epoch, Outbox out) {
        Check.state(epoch > epochs.acceptedEpoch(), "%s accepting epoch %d at %s", self, epoch, epochs);
        epochs = new Epochs(epoch, epochs.currentEpoch());
        out.persist(epochs);
    }

    void setCurrentEpoch(long epoch, Outbox out) {
        Check.state(epoch >= epochs.currentEpoch() && epoch <= epochs.acceptedEpoch(), "%s setting currentEpoch %d"
                + " at %s", self, epoch, epochs);
        if (epoch != epochs.currentEpoch()) {
            epochs = new Epochs(epochs.acceptedEpoch(), epoch);
            out.persist(epochs);
        }
    }

    private int indexOf(Zxid zxid) {
        int low = 0;
        int high = log.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = log.get(mid).zxid().compareTo(zxid);
            if (order == 0) {
                return mid;
            } else if (order < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }
}
