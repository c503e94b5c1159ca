package dev.glasshouse.engine.admin.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one ensemble member knows about its ensemble, as the member publishes it after every step of
 * its replication core: its role and ZAB phase, epochs and zxids, the election it runs or ran, the
 * members of its configuration and, on a leader, its learners. The four-letter words, the
 * AdminServer, the metrics page and the consoles render it. Immutable; built on the member's
 * event-loop thread and read from any thread.
 *
 * <p>Zxids are ZooKeeper's 64-bit values ({@code epoch << 32 | counter}); renderers show them in hex.
 *
 * @param mode              the member's role, ZooKeeper's server state
 * @param myId              the member's id ({@code myid}), 0 for a standalone member without one
 * @param zabPhase          the ZAB phase a replicated member is in; empty for a standalone member
 * @param serving           an established leader, or a learner that has received UPTODATE (always true standalone)
 * @param readOnly          serving read-only clients while cut off from a quorum
 * @param lastLoggedZxid    the last zxid in the member's durable log
 * @param lastCommittedZxid the last zxid the member knows to be committed
 * @param electionRound     the fast leader election round (ZooKeeper's logical clock)
 * @param leaderId          the established leader, if any
 * @param currentVote       the member's own vote, once it has one
 * @param members           every member of the configuration, this one included, by id
 * @param learners          the learners connected to this member while it leads; empty otherwise
 * @param pendingSyncs      {@code sync()} requests waiting for their SYNC point while it leads
 * @param recentVotes       the latest notification from each sender, by sender id
 */
public record QuorumState(Mode mode, long myId, Optional<ZabPhase> zabPhase, boolean serving, boolean readOnly,
                          long acceptedEpoch, long currentEpoch, long lastLoggedZxid, long lastCommittedZxid,
                          long electionRound, OptionalLong leaderId, Optional<Vote> currentVote,
                          List<Member> members, List<Learner> learners, int pendingSyncs,
                          List<ReceivedVote> recentVotes) {

    public QuorumState {
        members = List.copyOf(members);
        learners = List.copyOf(learners);
        recentVotes = List.copyOf(recentVotes);
    }

    /** A standalone member: always serving, no ensemble, no election. */
    public static QuorumState standalone(long myId) {
        return new QuorumState(Mode.STANDALONE, myId, Optional.empty(), true, false, 0, 0, 0, 0, 0,
                OptionalLong.empty(), Optional.empty(), List.of(), List.of(), 0, List.of());
    }

    public boolean isStandalone() {
        return mode == Mode.STANDALONE;
    }

    /** The member with this id, if it is in the configuration. */
    public Optional<Member> member(long id) {
        return members.stream().filter(member -> member.id() == id).findFirst();
    }

    /** Members that vote (participants), this one included when it votes: ZooKeeper's voting view. */
    public List<Member> votingMembers() {
        return members.stream().filter(member -> member.type() == LearnerType.PARTICIPANT).toList();
    }

    /**
     * A member's role, named as ZooKeeper's {@code srvr}, {@code mntr} ({@code zk_server_state})
     * and {@code stat} name it.
     */
    public enum Mode {
        STANDALONE("standalone", "standalone"),
        LEADER("leader", "leading"),
        FOLLOWER("follower", "following"),
        OBSERVER("observer", "observing"),
        LOOKING("looking", "looking");

        private final String serverState;
        private final String peerState;

        Mode(String serverState, String peerState) {
            this.serverState = serverState;
            this.peerState = peerState;
        }

        /** {@code leader}, {@code follower}, ...: the {@code Mode:} line and {@code zk_server_state}. */
        public String serverState() {
            return serverState;
        }

        /** {@code leading}, {@code following}, ...: ZooKeeper's {@code ServerState}, as {@code zk_peer_state} starts. */
        public String peerState() {
            return peerState;
        }
    }

    /** ZooKeeper's {@code ZabState}, reported in lower case by {@code zabstate} and {@code zk_peer_state}. */
    public enum ZabPhase {
        ELECTION,
        DISCOVERY,
        SYNCHRONIZATION,
        BROADCAST
    }

    /** ZooKeeper's {@code LearnerType}: whether a member votes. */
    public enum LearnerType {
        PARTICIPANT,
        OBSERVER
    }

    /** The role a notification's sender reported, ZooKeeper's {@code ServerState}. */
    public enum PeerState {
        LOOKING,
        FOLLOWING,
        LEADING,
        OBSERVING
    }

    /**
     * A fast leader election vote: the proposed leader, its last zxid and peer epoch, and the round
     * ({@code electionEpoch}) it was cast in.
     */
    public record Vote(long leaderId, long zxid, long round, long peerEpoch) {
    }

    /**
     * One member of the configuration, as its {@code server.N} line names it.
     *
     * @param quorumAddress   {@code host:port} of the peer (ZAB) port
     * @param electionAddress {@code host:port} of the election port
     * @param clientAddress   {@code host:port} clients use, when the configuration states it
     * @param connected       true for this member itself and for peers it has a live connection with
     */
    public record Member(long id, String quorumAddress, String electionAddress, Optional<String> clientAddress,
                         LearnerType type, boolean connected) {
    }

    /**
     * A learner connected to the leader.
     *
     * @param synced    it has received UPTODATE and takes part in broadcast
     * @param ackedZxid the last zxid it acknowledged (or reported when it connected)
     */
    public record Learner(long id, LearnerType type, boolean synced, long ackedZxid) {
    }

    /**
     * The latest notification received from one member.
     *
     * @param atMillis when it arrived, in the member's clock
     */
    public record ReceivedVote(long from, PeerState state, Vote vote, long atMillis) {
    }
}
