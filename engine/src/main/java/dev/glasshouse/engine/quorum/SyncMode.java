package dev.glasshouse.engine.quorum;

/**
 * How a leader brings a learner's log in line with its own history, chosen from the learner's
 * last zxid (ZooKeeper's {@code LearnerHandler.syncFollower}).
 */
public enum SyncMode {
    /** The learner's last zxid is in the leader's history: send the proposals after it. */
    DIFF,
    /** The learner is ahead of the leader within the leader's last epoch: cut its log back. */
    TRUNC,
    /** Anything else: the learner replaces its log with the leader's whole history. */
    SNAP
}
