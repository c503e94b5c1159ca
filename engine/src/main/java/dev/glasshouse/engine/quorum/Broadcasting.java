package dev.glasshouse.engine.quorum;

import dev.glasshouse.engine.quorum.ZabMessage.Ack;
import dev.glasshouse.engine.quorum.ZabMessage.Commit;
import dev.glasshouse.engine.quorum.ZabMessage.Inform;
import dev.glasshouse.engine.quorum.ZabMessage.Propose;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The established leader's broadcast: numbers a transaction {@code epoch << 32 | counter}, logs it
 * and sends PROPOSAL to the voters; commits entries in zxid order once a quorum of voters holds them
 * durably, sending COMMIT to followers and INFORM to observers. {@link Leading} calls it only once
 * established. Owned by one {@link Leading}; confined to its event loop.
 */
final class Broadcasting {
    private final MemberId self;
    private final QuorumVerifier verifier;
    private final History history;
    private final LearnerConnections learners;
    private long counter;

    Broadcasting(MemberId self, QuorumVerifier verifier, History history, LearnerConnections learners) {
        this.self = self;
        this.verifier = verifier;
        this.history = history;
        this.learners = learners;
    }

    /** Numbers, logs and sends one transaction in {@code epoch}. */
    Proposal propose(long epoch, byte[] payload, Outbox out) {
        counter++;
        Proposal proposal = new Proposal(Zxid.of(epoch, counter), payload);
        history.append(proposal, out);
        out.event(new ReplicaEvent.Proposed(self, proposal.zxid(), out.nowMillis()));
        learners.forEach((learner, session) -> {
            if (verifier.isVoter(learner) && session.syncSent()) {
                out.send(new Propose(self, learner, proposal));
            }
        });
        return proposal;
    }

    /** The zxid {@link #propose} assigns next in {@code epoch}. */
    Zxid nextZxid(long epoch) {
        return Zxid.of(epoch, counter + 1);
    }

    /** True when the next proposal's counter would overflow: ZooKeeper then forces a new epoch. */
    boolean counterExhausted() {
        return counter >= 0xffff_ffffL;
    }

    /** A synchronized learner acknowledged a later proposal: it holds everything through it durably. */
    void onAck(Ack ack, LearnerSession session, Outbox out) {
        session.ackedThrough = ack.zxid();
        out.event(new ReplicaEvent.AckReceived(self, ack.from(), ack.zxid(), out.nowMillis()));
        commitOnQuorum(out);
    }

    /** Commits, in zxid order, every entry a quorum of voters holds durably. */
    void commitOnQuorum(Outbox out) {
        Zxid before = history.committedThrough();
        Optional<Proposal> next = history.firstUncommitted();
        while (next.isPresent() && durableOnQuorum(next.get().zxid())) {
            Proposal proposal = next.get();
            history.commitThrough(proposal.zxid(), out);
            learners.forEach((learner, session) -> {
                if (verifier.isObserver(learner) && session.syncSent()) {
                    out.send(new Inform(self, learner, proposal));
                }
            });
            next = history.firstUncommitted();
        }
        Zxid through = history.committedThrough();
        if (through.isAfter(before)) {
            learners.forEach((learner, session) -> {
                if (verifier.isVoter(learner) && session.syncSent()) {
                    out.send(new Commit(self, learner, through));
                }
            });
        }
    }

    private boolean durableOnQuorum(Zxid zxid) {
        TreeSet<MemberId> holders = learners.holding(zxid);
        if (history.syncedThrough().compareTo(zxid) >= 0) {
            holders.add(self);
        }
        return verifier.containsQuorum(holders);
    }
}
