package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.Zxid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What must hold across a whole ZAB run, checked as the driver performs effects. A violation throws
 * {@link AssertionError} naming the members, epochs and zxids involved. ({@link SimLog} checks that
 * zxids only grow in each member's log.)
 * <ul>
 *   <li><b>Acknowledged means durable</b>: an ACK names only entries synced on the sender's disk.</li>
 *   <li><b>One leader per epoch</b>: at most one member is ever established in an epoch.</li>
 *   <li><b>Committed histories agree</b>: what each member applies, in order, is a prefix of one
 *       common history (or extends it).</li>
 *   <li><b>Acknowledged writes survive</b>: every transaction some leader committed (what a
 *       client hears "ok" for) is in the log of every leader established afterwards.</li>
 * </ul>
 */
final class ZabInvariants {
    private final Map<Long, MemberId> leaderOfEpoch = new TreeMap<>();
    private final List<Proposal> committed = new ArrayList<>();
    private final Set<Proposal> acknowledged = new LinkedHashSet<>();
    private Zxid lastAcknowledged = Zxid.ZERO;

    void onEstablished(MemberId leader, long epoch, List<Proposal> leaderLog) {
        MemberId earlier = leaderOfEpoch.putIfAbsent(epoch, leader);
        check(earlier == null, "one leader per epoch: %s and %s both established epoch %d", earlier, leader, epoch);
        Set<Proposal> held = new HashSet<>(leaderLog);
        for (Proposal write : acknowledged) {
            check(held.contains(write), "acknowledged writes survive: leader %s of epoch %d lacks %s", leader, epoch,
                    write.zxid());
        }
    }

    /**
     * An acknowledgement (ACK of a proposal or of NEWLEADER) promises the sender's disk holds every
     * entry through its zxid, synced; NEWLEADER's ACK also promises currentEpoch was written first.
     */
    void onSend(PeerMessage message, SimLog senderDisk) {
        if (message instanceof ZabMessage.Ack ack) {
            check(senderDisk.durableThrough().compareTo(ack.zxid()) >= 0, "acknowledged means durable: %s sent %s"
                    + " with its log durable only through %s", ack.from(), ack, senderDisk.durableThrough());
        } else if (message instanceof ZabMessage.NewLeaderAck ack) {
            boolean durable = senderDisk.durableThrough().compareTo(ack.lastZxid()) >= 0
                    && senderDisk.epochs().currentEpoch() == ack.epoch();
            check(durable, "acknowledged means durable: %s sent %s with its log durable through %s and %s",
                    ack.from(), ack, senderDisk.durableThrough(), senderDisk.epochs());
        }
    }

    /** {@code member} applied {@code proposal} as its {@code index}-th transaction since it started. */
    void onApplied(MemberId member, int index, Proposal proposal) {
        if (index < committed.size()) {
            check(committed.get(index).equals(proposal), "committed histories agree: %s applied %s as #%d where"
                    + " another member applied %s", member, proposal.zxid(), index, committed.get(index).zxid());
        } else {
            check(index == committed.size(), "%s applied #%d with only %d known", member, index, committed.size());
            committed.add(proposal);
        }
    }

    void onAcknowledged(Proposal proposal) {
        acknowledged.add(proposal);
        lastAcknowledged = proposal.zxid();
    }

    Zxid lastAcknowledged() {
        return lastAcknowledged;
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int establishedEpochs() {
        return leaderOfEpoch.size();
    }

    private static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new AssertionError("Invariant broken: " + String.format(format, args));
        }
    }
}
