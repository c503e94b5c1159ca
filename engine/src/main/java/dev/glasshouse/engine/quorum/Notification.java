package dev.glasshouse.engine.quorum;

/**
 * A fast leader election notification: the sender's current vote and role, as ZooKeeper's
 * {@code FastLeaderElection.Notification} carries them ({@code state, leader, zxid, electionEpoch,
 * peerEpoch}). A LOOKING sender proposes {@link #vote()} in round {@code vote().electionEpoch()};
 * a decided sender (FOLLOWING, LEADING, OBSERVING) reports the vote it decided on and the round in
 * which it decided. Immutable.
 */
public record Notification(MemberId from, MemberId to, Vote vote, Role state) implements PeerMessage {
    @Override
    public String toString() {
        return "Notification[" + from + "->" + to + " " + state + " " + vote + "]";
    }
}
