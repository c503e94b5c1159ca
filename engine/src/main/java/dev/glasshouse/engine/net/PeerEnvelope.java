package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.request.SyncPoint;

/**
 * One message on a link between two ensemble members: the replication core's, or the request
 * layer's traffic between a learner and its leader. Election notifications travel to the peer's
 * election port, everything else to its quorum port, where one connection per direction keeps
 * ZAB's packets, forwarded requests and sync answers in the order they were sent.
 */
public sealed interface PeerEnvelope {
    MemberId from();

    MemberId to();

    /** True for the traffic of the election port. */
    default boolean isElection() {
        return this instanceof Replication replication && replication.message() instanceof Notification;
    }

    /** A message of the replication core: an election notification or a ZAB packet. */
    record Replication(PeerMessage message) implements PeerEnvelope {
        @Override
        public MemberId from() {
            return message.from();
        }

        @Override
        public MemberId to() {
            return message.to();
        }
    }

    /** A learner's request for its leader. */
    record ToLeader(MemberId from, MemberId to, LeaderRequest request) implements PeerEnvelope {
    }

    /** The leader's answer to a learner's sync. */
    record SyncReached(MemberId from, MemberId to, SyncPoint point) implements PeerEnvelope {
    }
}
