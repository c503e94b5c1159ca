package dev.glasshouse.engine.quorum;

import java.util.List;
import java.util.Optional;

/**
 * The packets of ZAB between a leader and its learners (ZooKeeper's {@code QuorumPacket} types),
 * as records. Every packet after FOLLOWERINFO names the epoch it belongs to, so a packet of an
 * earlier leadership is recognised and dropped. ZAB assumes each link delivers in order, as TCP
 * does; a lost packet is a broken connection, which the receiver notices as a gap or a timeout.
 */
public sealed interface ZabMessage extends PeerMessage {
    /** FOLLOWERINFO or OBSERVERINFO: a learner asks to join, stating the epoch it last accepted. */
    record FollowerInfo(MemberId from, MemberId to, long acceptedEpoch) implements ZabMessage {
    }

    /** LEADERINFO: the epoch the leader proposes, above every acceptedEpoch of a quorum. */
    record LeaderInfo(MemberId from, MemberId to, long epoch) implements ZabMessage {
    }

    /**
     * ACKEPOCH: the learner accepted {@code epoch} and reports its history for synchronization. A
     * learner that had accepted this very epoch before (it reconnects to the leader it followed)
     * reports {@link #REJOINING} as its currentEpoch, as ZooKeeper's does: it is synchronized, but
     * its acknowledgement does not count toward the quorum that establishes the epoch, because it
     * could have been given to another leader of the same epoch.
     */
    record AckEpoch(MemberId from, MemberId to, long epoch, long currentEpoch, Zxid lastZxid) implements ZabMessage {
        public static final long REJOINING = -1;

        public boolean rejoining() {
            return currentEpoch == REJOINING;
        }
    }

    /**
     * DIFF, TRUNC or SNAP: DIFF appends {@code proposals} after {@code truncateTo}, the learner's
     * last zxid; TRUNC cuts the log back to {@code truncateTo}; SNAP replaces the learner's state by
     * the leader's {@code image} as of {@code truncateTo}, then appends {@code proposals}. The
     * leader's core sends SNAP without the image, which its driver attaches (see {@link Effects}).
     */
    record SyncLog(MemberId from, MemberId to, long epoch, SyncMode mode, Zxid truncateTo, List<Proposal> proposals,
                   Optional<StateImage> image) implements ZabMessage {
        public SyncLog {
            proposals = List.copyOf(proposals);
            Check.state(image.isEmpty() || mode == SyncMode.SNAP && image.get().zxid().equals(truncateTo),
                    "%s sync with an image of %s", mode, image.map(StateImage::zxid).orElse(null));
        }

        /** A DIFF or TRUNC, or a SNAP still without its image. */
        public SyncLog(MemberId from, MemberId to, long epoch, SyncMode mode, Zxid truncateTo,
                       List<Proposal> proposals) {
            this(from, to, epoch, mode, truncateTo, proposals, Optional.empty());
        }

        /** This SNAP with the leader's state attached. */
        public SyncLog withImage(StateImage attached) {
            return new SyncLog(from, to, epoch, mode, truncateTo, proposals, Optional.of(attached));
        }

        @Override
        public String toString() {
            return "SyncLog[" + from + "->" + to + " epoch=" + epoch + " " + mode + " to=" + truncateTo + " "
                    + proposals.size() + " proposals" + image.map(i -> " image of " + i.length() + " bytes").orElse("")
                    + "]";
        }
    }

    /** NEWLEADER: synchronization is complete once the learner's log ends at {@code lastZxid}. */
    record NewLeader(MemberId from, MemberId to, long epoch, Zxid lastZxid) implements ZabMessage {
    }

    /** The learner's ACK of NEWLEADER: its log through {@code lastZxid} is durable and currentEpoch is set. */
    record NewLeaderAck(MemberId from, MemberId to, long epoch, Zxid lastZxid) implements ZabMessage {
    }

    /** UPTODATE: a quorum is synchronized; the learner applies through {@code committedThrough} and serves. */
    record UpToDate(MemberId from, MemberId to, long epoch, Zxid committedThrough) implements ZabMessage {
    }

    /** PROPOSAL: log this transaction and acknowledge it. */
    record Propose(MemberId from, MemberId to, Proposal proposal) implements ZabMessage {
    }

    /** ACK: the follower's log is durable through {@code zxid} (acknowledgements are cumulative). */
    record Ack(MemberId from, MemberId to, Zxid zxid) implements ZabMessage {
    }

    /** COMMIT: apply everything through {@code zxid}. */
    record Commit(MemberId from, MemberId to, Zxid zxid) implements ZabMessage {
    }

    /** INFORM: a committed transaction, for an observer, which never sees proposals. */
    record Inform(MemberId from, MemberId to, Proposal proposal) implements ZabMessage {
    }

    /**
     * PING: the leader's heartbeat, and the learner's answer to it. The leader numbers its ping
     * rounds, from 1 up within one leadership; a learner echoes the round it answers, so an answer
     * with round {@code r} shows the learner still followed this leader and epoch after the leader
     * started round {@code r} (see {@link Replica#confirmLeadership}).
     */
    record Ping(MemberId from, MemberId to, long epoch, long round) implements ZabMessage {
    }
}
