package dev.glasshouse.engine.quorum;

import java.util.Comparator;

/**
 * A proposal for leader as fast leader election exchanges it: the proposed leader, that leader's
 * last logged zxid and its current (peer) epoch, and the election round ({@code electionEpoch},
 * ZooKeeper's logical clock) of the member that sends it. Immutable.
 *
 * <p>Votes are totally ordered by {@link #ORDER}: peer epoch, then zxid, then leader id, as in
 * ZooKeeper's {@code totalOrderPredicate}. The round is not part of the order; rounds are compared
 * separately. Electing the greatest vote among a quorum makes the leader at least as up to date as
 * every member of that quorum, which ZAB's recovery relies on.
 */
public record Vote(MemberId leader, Zxid zxid, long electionEpoch, long peerEpoch) {
    /** Peer epoch, then zxid, then leader id; ascending, so the winner is the maximum. */
    public static final Comparator<Vote> ORDER = Comparator.comparingLong(Vote::peerEpoch)
            .thenComparing(Vote::zxid)
            .thenComparing(Vote::leader);

    /** The vote an observer starts with: it names nobody and loses to every real vote. */
    public static Vote nobody(long electionEpoch) {
        return new Vote(MemberId.NOBODY, Zxid.NONE, electionEpoch, Long.MIN_VALUE);
    }

    /** True when this vote wins over {@code other} in the total order (and is not equal to it). */
    public boolean beats(Vote other) {
        return ORDER.compare(this, other) > 0;
    }

    /** The same proposal, sent in round {@code round}. */
    public Vote inRound(long round) {
        return new Vote(leader, zxid, round, peerEpoch);
    }

    @Override
    public String toString() {
        return "Vote[leader=" + leader + ", zxid=" + zxid + ", round=" + electionEpoch + ", peerEpoch=" + peerEpoch
                + "]";
    }
}
