package dev.glasshouse.engine.quorum;

/**
 * A message between two ensemble members, addressed by member id. Dispatched in one place,
 * {@link Replica#onPeerMessage}. The family holds the election's {@link Notification} and ZAB's
 * packets ({@link ZabMessage}).
 *
 * <p>The election tolerates delay, loss, duplication and reordering. ZAB, like ZooKeeper over TCP,
 * needs each link to deliver in order; it tolerates loss and duplicates by treating a gap as a
 * broken connection.
 */
public sealed interface PeerMessage permits Notification, ZabMessage {
    MemberId from();

    MemberId to();
}
