package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.LeadershipConfirmed;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.Zxid;
import java.util.ArrayList;
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
 *   <li><b>Confirmed syncs are linearizable</b>: a leadership confirmation reports a read index at
 *       or above the highest zxid any member, of any epoch, had committed when its token was issued,
 *       so a sync answered with it covers every write acknowledged before the sync began. A deposed
 *       leader that confirmed would report an index below a newer leader's commits. Each token is
 *       answered once, confirmed or abandoned, by the member it was issued to.</li>
 * </ul>
 */
final class ZabInvariants {
    private final Map<Long, MemberId> leaderOfEpoch = new TreeMap<>();
    private final List<Proposal> committed = new ArrayList<>();
    private final Set<Proposal> acknowledged = new LinkedHashSet<>();
    private Zxid lastAcknowledged = Zxid.ZERO;
    private Zxid highestCommitted = Zxid.ZERO;
    /** Tokens issued and not answered yet: who was asked, and the highest zxid committed anywhere then. */
    private final Map<Long, Issued> issued = new TreeMap<>();
    private long confirmed;
    private long abandoned;

    private record Issued(MemberId member, Zxid highestCommitted, long atMillis) {
    }

    /** {@code held}: every transaction in the new leader's snapshot and log. */
    void onEstablished(MemberId leader, long epoch, Set<Proposal> held) {
        MemberId earlier = leaderOfEpoch.putIfAbsent(epoch, leader);
        check(earlier == null, "one leader per epoch: %s and %s both established epoch %d", earlier, leader, epoch);
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
        if (proposal.zxid().isAfter(highestCommitted)) {
            highestCommitted = proposal.zxid();
        }
    }

    /**
     * {@code member} replaced its state by a leader's image (or restarted from its snapshot): what
     * the image holds must be a prefix of the committed history, applied in the same order.
     */
    void onInstalled(MemberId member, SimState state) {
        List<Proposal> applied = state.applied();
        check(applied.size() <= committed.size(), "%s installed a state of %d transactions with only %d committed",
                member, applied.size(), committed.size());
        for (int index = 0; index < applied.size(); index++) {
            check(committed.get(index).equals(applied.get(index)), "committed histories agree: %s installed a state"
                    + " holding %s as #%d where another member applied %s", member, applied.get(index).zxid(), index,
                    committed.get(index).zxid());
        }
    }

    /** The driver asked {@code member} to confirm its leadership with {@code token} at {@code atMillis}. */
    void onConfirmRequested(MemberId member, long token, long atMillis) {
        Issued earlier = issued.put(token, new Issued(member, highestCommitted, atMillis));
        check(earlier == null, "token %d issued twice", token);
    }

    void onConfirmed(MemberId member, LeadershipConfirmed confirmation, long atMillis) {
        Issued asked = answered(member, confirmation.token());
        check(confirmation.committedThrough().compareTo(asked.highestCommitted()) >= 0, "confirmed syncs are"
                + " linearizable: %s confirmed token %d (issued at %d ms) at %d ms with read index %s, but %s was"
                + " committed before it was issued", member, confirmation.token(), asked.atMillis(), atMillis,
                confirmation.committedThrough(), asked.highestCommitted());
        confirmed++;
    }

    void onAbandoned(MemberId member, long token) {
        answered(member, token);
        abandoned++;
    }

    /** A crash fails the member's waiting tokens without an answer, as a restarted driver would. */
    void onCrashed(MemberId member) {
        issued.values().removeIf(asked -> asked.member().equals(member));
    }

    private Issued answered(MemberId member, long token) {
        Issued asked = issued.remove(token);
        check(asked != null && asked.member().equals(member), "each token is answered once by the member asked:"
                + " %s answered token %d, issued to %s", member, token, asked == null ? "nobody waiting" : asked);
        return asked;
    }

    long confirmedCount() {
        return confirmed;
    }

    long abandonedCount() {
        return abandoned;
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
