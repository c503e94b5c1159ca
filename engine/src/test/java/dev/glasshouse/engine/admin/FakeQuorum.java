package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.MemberConfiguration;
import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.admin.api.QuorumState.Learner;
import dev.glasshouse.engine.admin.api.QuorumState.LearnerType;
import dev.glasshouse.engine.admin.api.QuorumState.Member;
import dev.glasshouse.engine.admin.api.QuorumState.Mode;
import dev.glasshouse.engine.admin.api.QuorumState.PeerState;
import dev.glasshouse.engine.admin.api.QuorumState.ReceivedVote;
import dev.glasshouse.engine.admin.api.QuorumState.Vote;
import dev.glasshouse.engine.admin.api.QuorumState.ZabPhase;
import dev.glasshouse.engine.net.ServerStats;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.PipelineSettings;
import dev.glasshouse.engine.server.DigestAuthenticator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A member's operations surface over an empty in-memory pipeline, with a {@link QuorumState} the
 * test publishes: the ensemble is members 1, 2 and 3 voting and 4 observing, in epoch 3, where 1
 * leads. Single-threaded: the inspector runs views on the calling thread.
 */
final class FakeQuorum {
    static final long COMMITTED = 0x300000004L;
    /** The quorum keys ZooKeeper 3.9's quorum servers add to mntr. */
    static final Set<String> QUORUM_MNTR_KEYS = Set.of("peer_state", "quorum_size", "learners", "synced_followers",
            "synced_non_voting_followers", "synced_observers", "pending_syncs");
    static final List<Member> MEMBERS = List.of(member(1, LearnerType.PARTICIPANT), member(2, LearnerType.PARTICIPANT),
            member(3, LearnerType.PARTICIPANT), member(4, LearnerType.OBSERVER));

    final PublishedQuorumStatus quorum;
    final MemberStatus status;
    final FourLetterWords words;
    final AdminCommands commands;

    FakeQuorum(QuorumState initial) {
        Pipeline pipeline = new Pipeline(new PipelineSettings(1, 4000, 40000, true, 60_000, 10_000),
                new DigestAuthenticator(Optional.empty()), new SplittableRandom(42), 0);
        MemberInspector inspector = new MemberInspector() {
            @Override
            public <T> CompletableFuture<T> inspect(Function<Pipeline, T> view) {
                return CompletableFuture.completedFuture(view.apply(pipeline));
            }
        };
        quorum = new PublishedQuorumStatus(initial);
        MemberConfiguration configuration = new MemberConfiguration(2181, "/data", "/log", 2000, 60, 4000, 40000,
                (int) initial.myId(), -1);
        status = new MemberStatus(inspector, new ServerStats(), () -> configuration, StorageStatus.IN_MEMORY, quorum);
        words = new FourLetterWords(status, FourLetterWords.KNOWN);
        commands = new AdminCommands(status, new DigestAuthenticator(Optional.empty()), inspector);
    }

    String word(String word) {
        return words.respond(word).join();
    }

    static Member member(long id, LearnerType type) {
        return new Member(id, "10.0.0." + id + ":2888", "10.0.0." + id + ":3888",
                Optional.of("10.0.0." + id + ":2181"), type, true);
    }

    static QuorumState leader() {
        List<Learner> learners = List.of(new Learner(2, LearnerType.PARTICIPANT, true, COMMITTED),
                new Learner(3, LearnerType.PARTICIPANT, false, 0x200000001L),
                new Learner(4, LearnerType.OBSERVER, true, COMMITTED));
        return state(Mode.LEADER, 1, ZabPhase.BROADCAST, learners, 1);
    }

    static QuorumState follower() {
        return state(Mode.FOLLOWER, 2, ZabPhase.BROADCAST, List.of(), 0);
    }

    static QuorumState observer() {
        return state(Mode.OBSERVER, 4, ZabPhase.BROADCAST, List.of(), 0);
    }

    /** Member 3 lost its leader and is electing in round 8. */
    static QuorumState looking() {
        return new QuorumState(Mode.LOOKING, 3, Optional.of(ZabPhase.ELECTION), false, false, 3, 3, COMMITTED,
                COMMITTED, 8, OptionalLong.empty(), Optional.of(new Vote(3, COMMITTED, 8, 3)), MEMBERS, List.of(), 0,
                List.of(new ReceivedVote(2, PeerState.LOOKING, new Vote(2, COMMITTED, 8, 3), 5_000)));
    }

    /** Member 3 cut off from the quorum, serving read-only clients. */
    static QuorumState readOnly() {
        QuorumState looking = looking();
        return new QuorumState(Mode.LOOKING, 3, looking.zabPhase(), false, true, 3, 3, COMMITTED, COMMITTED, 8,
                OptionalLong.empty(), looking.currentVote(), MEMBERS, List.of(), 0, looking.recentVotes());
    }

    private static QuorumState state(Mode mode, long myId, ZabPhase phase, List<Learner> learners, int pendingSyncs) {
        return new QuorumState(mode, myId, Optional.of(phase), true, false, 3, 3, COMMITTED + 1, COMMITTED, 7,
                OptionalLong.of(1), Optional.of(new Vote(1, 0x200000009L, 7, 2)), MEMBERS, learners, pendingSyncs,
                List.of(new ReceivedVote(1, PeerState.LEADING, new Vote(1, 0x200000009L, 7, 2), 1_000)));
    }
}
