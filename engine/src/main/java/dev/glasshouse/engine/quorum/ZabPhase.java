package dev.glasshouse.engine.quorum;

/** Where a member is in ZAB's life cycle, as ZooKeeper's {@code zabstate} reports it. */
public enum ZabPhase {
    /** Looking for a leader. */
    ELECTION,
    /** Agreeing on the new epoch: FOLLOWERINFO, LEADERINFO, ACKEPOCH. */
    DISCOVERY,
    /** Bringing logs in line: DIFF, TRUNC or SNAP, then NEWLEADER and UPTODATE. */
    SYNCHRONIZATION,
    /** Serving: proposals, acknowledgements and commits. */
    BROADCAST
}
