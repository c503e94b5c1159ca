package dev.glasshouse.engine.quorum;

import java.util.Optional;
import java.util.Set;

/**
 * Structured observability records a {@link Replica} returns in its {@link Effects}: what the
 * member did and why, for the driver to log and for the consoles' election timeline. Pure data;
 * the core never logs, so replaying a seed yields the same events. The three session events are
 * the exception: the server reports them as it applies or proposes session transactions, which the
 * core carries without reading, so that one stream tells the whole story of a member.
 */
public sealed interface ReplicaEvent {
    /** The member the event happened on. */
    MemberId member();

    /** The time passed in with the input that produced the event. */
    long atMillis();

    /** A member entered election round {@code round} proposing {@code proposal}. */
    record RoundStarted(MemberId member, long round, Vote proposal, long atMillis) implements ReplicaEvent {
    }

    /** A LOOKING member switched to a better vote, or to its own after a round reset. */
    record ProposalChanged(MemberId member, Vote from, Vote to, long atMillis) implements ReplicaEvent {
    }

    /** A notification left this member. */
    record VoteSent(MemberId member, Notification notification, long atMillis) implements ReplicaEvent {
    }

    /** A notification reached this member. */
    record VoteReceived(MemberId member, Notification notification, long atMillis) implements ReplicaEvent {
    }

    /**
     * The election ended on {@code elected}: in round {@code round} by a quorum of agreeing votes and
     * the finalize wait, or, when {@code joinedEstablished}, by joining a leader a quorum already follows.
     */
    record RoundEnded(MemberId member, long round, Vote elected, boolean joinedEstablished, long atMillis)
            implements ReplicaEvent {
    }

    /** The member's role changed; {@code leader} is the decided vote, empty while LOOKING. */
    record RoleChanged(MemberId member, Role from, Role to, Optional<Vote> leader, long atMillis)
            implements ReplicaEvent {
    }

    /** The driver reported the leader (or, on a leader, its quorum of followers) lost. */
    record LeaderLost(MemberId member, Role role, Vote leader, long atMillis) implements ReplicaEvent {
    }

    /** A leader picked {@code epoch} from the acceptedEpochs of {@code quorum} (discovery). */
    record EpochProposed(MemberId member, long epoch, Set<MemberId> quorum, long atMillis) implements ReplicaEvent {
        public EpochProposed {
            quorum = Set.copyOf(quorum);
        }
    }

    /** A leader sent {@code learner}, whose log ended at {@code learnerLast}, a sync up to {@code leaderLast}. */
    record LearnerSynced(MemberId member, MemberId learner, SyncMode mode, Zxid learnerLast, Zxid leaderLast,
                         long atMillis) implements ReplicaEvent {
    }

    /** A quorum acknowledged NEWLEADER: the leader of {@code epoch} committed its history through {@code lastZxid}. */
    record Established(MemberId member, long epoch, Zxid lastZxid, Set<MemberId> quorum, long atMillis)
            implements ReplicaEvent {
        public Established {
            quorum = Set.copyOf(quorum);
        }
    }

    /** A leader numbered, logged and sent the proposal {@code zxid}. */
    record Proposed(MemberId member, Zxid zxid, long atMillis) implements ReplicaEvent {
    }

    /** A leader heard from follower {@code from} that its log is durable through {@code zxid}. */
    record AckReceived(MemberId member, MemberId from, Zxid zxid, long atMillis) implements ReplicaEvent {
    }

    /**
     * The member committed everything through {@code zxid}: on a leader, once a quorum holds it; on a
     * learner, as it applies what its leader committed. One event per advance, not per transaction,
     * so that a synchronization applying many transactions stays cheap.
     */
    record Committed(MemberId member, Zxid zxid, long atMillis) implements ReplicaEvent {
    }

    /** A ZAB role gave up and the member goes back to LOOKING, for {@code reason}. */
    record SteppedDown(MemberId member, Role role, Vote leader, String reason, long atMillis) implements ReplicaEvent {
    }

    /** The member applied the transaction that opened session {@code sessionId}. Reported by the server. */
    record SessionCreated(MemberId member, long sessionId, int timeoutMillis, Zxid zxid, long atMillis)
            implements ReplicaEvent {
    }

    /**
     * The member applied the transaction that closed session {@code sessionId}, at its client's
     * request or because the leader expired it, and deleted its ephemerals. Reported by the server.
     */
    record SessionClosed(MemberId member, long sessionId, Zxid zxid, long atMillis) implements ReplicaEvent {
    }

    /**
     * The leader expired session {@code sessionId}: no member heard from its client within its timeout.
     * The closing transaction follows. Reported by the leader's server.
     */
    record SessionExpired(MemberId member, long sessionId, long atMillis) implements ReplicaEvent {
    }
}
