package dev.glasshouse.engine.quorum;

/**
 * A message between two ensemble members, addressed by member id. Dispatched in one place,
 * {@link Replica#onPeerMessage}. Today the family holds only the election's {@link Notification};
 * ZAB's packets (FOLLOWERINFO, LEADERINFO, ACKEPOCH, DIFF/TRUNC/SNAP, NEWLEADER, UPTODATE,
 * PROPOSAL, ACK, COMMIT, PING, INFORM) join it as further records when discovery, synchronization
 * and broadcast are built.
 *
 * <p>The transport may delay, drop, duplicate and reorder messages; the core tolerates all four.
 */
public sealed interface PeerMessage permits Notification {
    MemberId from();

    MemberId to();
}
