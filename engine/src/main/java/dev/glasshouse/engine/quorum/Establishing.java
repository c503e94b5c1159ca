package dev.glasshouse.engine.quorum;

import dev.glasshouse.engine.quorum.LearnerSession.Phase;
import dev.glasshouse.engine.quorum.ZabMessage.AckEpoch;
import dev.glasshouse.engine.quorum.ZabMessage.FollowerInfo;
import dev.glasshouse.engine.quorum.ZabMessage.LeaderInfo;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeader;
import dev.glasshouse.engine.quorum.ZabMessage.SyncLog;
import dev.glasshouse.engine.quorum.ZabMessage.UpToDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader's discovery and synchronization, until it is established (see {@link Leading}):
 * proposes the epoch once FOLLOWERINFO came from a quorum, synchronizes every learner that
 * acknowledged it with DIFF, TRUNC or SNAP and NEWLEADER, and establishes the leader once a quorum
 * of voters acknowledged NEWLEADER. Handlers return empty, or the reason the leader must step down.
 * Owned by one {@link Leading}; confined to its event loop.
 */
final class Establishing {
    private final MemberId self;
    private final QuorumVerifier verifier;
    private final History history;
    private final LearnerConnections learners;
    private final SortedMap<MemberId, Long> acceptedEpochs = new TreeMap<>();
    private long epoch = -1;
    private boolean syncing;
    private boolean established;
    private Zxid initialLast = Zxid.ZERO;

    Establishing(MemberId self, QuorumVerifier verifier, History history, LearnerConnections learners) {
        this.self = self;
        this.verifier = verifier;
        this.history = history;
        this.learners = learners;
    }

    /** The epoch this leader proposed, -1 until a quorum sent FOLLOWERINFO. */
    long epoch() {
        return epoch;
    }

    /** True once a quorum acknowledged the epoch and synchronization started. */
    boolean syncing() {
        return syncing;
    }

    /** True once a quorum of voters acknowledged NEWLEADER and the initial history is committed. */
    boolean established() {
        return established;
    }

    /** Counts the leader's own accepted epoch towards the quorum that decides the new one. */
    Optional<String> start(Outbox out) {
        acceptedEpochs.put(self, history.epochs().acceptedEpoch());
        return proposeEpochOnQuorum(out);
    }

    Optional<String> onFollowerInfo(FollowerInfo info, Outbox out) {
        // A new FOLLOWERINFO means a new connection: whatever the old one reached is gone.
        LearnerSession session = learners.connect(info.from(), out.nowMillis());
        if (epoch >= 0) {
            // An equal acceptedEpoch is a learner of this epoch reconnecting; it rejoins (AckEpoch.REJOINING).
            if (info.acceptedEpoch() <= epoch) {
                session.phase = Phase.EPOCH_SENT;
                out.send(new LeaderInfo(self, info.from(), epoch));
            }
            return Optional.empty();
        }
        if (verifier.isVoter(info.from())) {
            acceptedEpochs.put(info.from(), info.acceptedEpoch());
        }
        return proposeEpochOnQuorum(out);
    }

    Optional<String> onAckEpoch(AckEpoch ack, LearnerSession session, Outbox out) {
        long ours = history.epochs().currentEpoch();
        boolean theirsLater = !ack.rejoining() && (ack.currentEpoch() > ours
                || ack.currentEpoch() == ours && ack.lastZxid().isAfter(history.lastZxid()));
        if (theirsLater && verifier.isVoter(ack.from())) {
            return Optional.of(ack.from() + " has a later history (epoch " + ack.currentEpoch() + ", "
                    + ack.lastZxid() + ")");
        }
        session.phase = Phase.EPOCH_ACKED;
        session.rejoining = ack.rejoining();
        session.lastZxid = ack.lastZxid();
        if (syncing) {
            synchronize(ack.from(), session, out);
            return Optional.empty();
        }
        return synchronizeOnQuorum(out);
    }

    /** Establishes the leader once its log is durable and a quorum of voters acknowledged NEWLEADER. */
    Optional<String> establishOnQuorum(Outbox out) {
        if (!syncing || established || history.syncedThrough().compareTo(initialLast) < 0) {
            return Optional.empty();
        }
        // Persist the transactions first, then currentEpoch (ZOOKEEPER-4646's order).
        history.setCurrentEpoch(epoch, out);
        TreeSet<MemberId> acked = learners.inPhase(Phase.SYNCED);
        acked.add(self);
        if (!verifier.containsQuorum(acked)) {
            return Optional.empty();
        }
        established = true;
        history.commitThrough(initialLast, out);
        out.event(new ReplicaEvent.Established(self, epoch, initialLast, acked, out.nowMillis()));
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.SYNCED) {
                out.send(new UpToDate(self, learner, epoch, history.committedThrough()));
            }
        });
        return Optional.empty();
    }

    private Optional<String> proposeEpochOnQuorum(Outbox out) {
        if (epoch >= 0 || !verifier.containsQuorum(acceptedEpochs.keySet())) {
            return Optional.empty();
        }
        long highest = acceptedEpochs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        epoch = highest + 1;
        Check.state(epoch <= Integer.MAX_VALUE, "%s ran out of epochs at %d", self, highest);
        history.acceptEpoch(epoch, out);
        out.event(new ReplicaEvent.EpochProposed(self, epoch, acceptedEpochs.keySet(), out.nowMillis()));
        learners.forEach((learner, session) -> {
            session.phase = Phase.EPOCH_SENT;
            out.send(new LeaderInfo(self, learner, epoch));
        });
        return synchronizeOnQuorum(out);
    }

    /** Once a quorum (the leader included) acknowledged the epoch, synchronizes every learner that did. */
    private Optional<String> synchronizeOnQuorum(Outbox out) {
        TreeSet<MemberId> acked = learners.inPhase(Phase.EPOCH_ACKED);
        learners.forEach((learner, session) -> {
            if (session.rejoining) {
                acked.remove(learner);
            }
        });
        acked.add(self);
        if (syncing || !verifier.containsQuorum(acked)) {
            return Optional.empty();
        }
        syncing = true;
        initialLast = history.lastZxid();
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.EPOCH_ACKED) {
                synchronize(learner, session, out);
            }
        });
        return establishOnQuorum(out);
    }

    /** DIFF, TRUNC or SNAP by the learner's last zxid, then NEWLEADER. */
    private void synchronize(MemberId learner, LearnerSession session, Outbox out) {
        Zxid theirs = session.lastZxid;
        Zxid last = history.lastZxid();
        SyncLog sync;
        if (history.contains(theirs)) {
            sync = new SyncLog(self, learner, epoch, SyncMode.DIFF, theirs, history.after(theirs));
        } else if (theirs.isAfter(last) && theirs.epoch() == last.epoch()) {
            // Within one epoch every log is a prefix of that epoch's leader's sequence, so the learner
            // holds all of ours and only its tail, never acknowledged by a quorum, must go.
            sync = new SyncLog(self, learner, epoch, SyncMode.TRUNC, last, List.of());
        } else {
            // The learner's history diverged from ours, or ours was compacted past it: it gets our
            // applied state, which the driver attaches, and the entries not applied yet.
            Zxid applied = history.committedThrough();
            sync = new SyncLog(self, learner, epoch, SyncMode.SNAP, applied, history.after(applied));
        }
        out.send(sync);
        out.send(new NewLeader(self, learner, epoch, last));
        out.event(new ReplicaEvent.LearnerSynced(self, learner, sync.mode(), theirs, last, out.nowMillis()));
        session.phase = Phase.SYNC_SENT;
    }
}
