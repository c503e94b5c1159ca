package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.quorum.ZabMessage.Ack;
import dev.glasshouse.engine.quorum.ZabMessage.AckEpoch;
import dev.glasshouse.engine.quorum.ZabMessage.FollowerInfo;
import dev.glasshouse.engine.quorum.ZabMessage.LeaderInfo;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeader;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeaderAck;
import dev.glasshouse.engine.quorum.ZabMessage.Ping;
import dev.glasshouse.engine.quorum.ZabMessage.Propose;
import dev.glasshouse.engine.quorum.ZabMessage.SyncLog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A follower's side of discovery, synchronization and broadcast, driven packet by packet. */
class LearnerTest {
    private static final MemberId M1 = MemberId.of(1);
    private static final MemberId M2 = MemberId.of(2);
    private static final MemberId M3 = MemberId.of(3);
    private static final QuorumVerifier ENSEMBLE = QuorumVerifier.ofVoters(List.of(M1, M2, M3));
    private static final Proposal FIRST = new Proposal(Zxid.of(1, 1), new byte[] {1});
    private static final Proposal SECOND = new Proposal(Zxid.of(1, 2), new byte[] {2});
    private static final Proposal THIRD = new Proposal(Zxid.of(2, 1), new byte[] {3});

    private final Replica follower = new Replica(M1, ENSEMBLE, new Recovered(new Epochs(1, 1), List.of(FIRST)),
            ZabTimings.DEFAULT);

    /** Joins leader M3, which M2 already follows, and returns the FOLLOWERINFO the follower sent. */
    private Effects join() {
        follower.start(0);
        Vote leader = new Vote(M3, Zxid.of(1, 2), 1, 1);
        follower.onPeerMessage(new Notification(M2, M1, leader, Role.FOLLOWING), 10);
        return follower.onPeerMessage(new Notification(M3, M1, leader, Role.LEADING), 20);
    }

    @Test
    void followerPersistsTheAcceptedEpochBeforeAcknowledgingIt() {
        assertThat(join().toSend()).containsExactly(new FollowerInfo(M1, M3, 1));

        Effects effects = follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);

        assertThat(effects.toPersist()).contains(new Epochs(2, 1));
        assertThat(effects.toSend()).containsExactly(new AckEpoch(M1, M3, 2, 1, Zxid.of(1, 1)));
    }

    @Test
    void followerRejectsAnEpochBelowTheOneItAccepted() {
        Replica ahead = new Replica(M1, ENSEMBLE, new Recovered(new Epochs(2, 1), List.of(FIRST)), ZabTimings.DEFAULT);
        ahead.start(0);
        Vote leader = new Vote(M3, Zxid.of(1, 2), 1, 1);
        ahead.onPeerMessage(new Notification(M2, M1, leader, Role.FOLLOWING), 10);
        ahead.onPeerMessage(new Notification(M3, M1, leader, Role.LEADING), 20);

        Effects effects = ahead.onPeerMessage(new LeaderInfo(M3, M1, 1), 30);

        assertThat(effects.newRole()).contains(Role.LOOKING);
        assertThat(effects.toPersist()).isEmpty();
    }

    /** A follower reconnecting to the leader of the epoch it accepted rejoins without accepting it again. */
    @Test
    void followerRejoinsTheEpochItAlreadyAcceptedWithoutCountingTowardItsQuorum() {
        join();

        Effects effects = follower.onPeerMessage(new LeaderInfo(M3, M1, 1), 30);

        assertThat(effects.newRole()).isEmpty();
        assertThat(effects.toPersist()).isEmpty();
        assertThat(effects.toSend()).containsExactly(new AckEpoch(M1, M3, 1, AckEpoch.REJOINING, Zxid.of(1, 1)));
    }

    @Test
    void followerAcknowledgesNewLeaderOnlyOnceTheSyncedLogIsDurableAndAfterWritingCurrentEpoch() {
        join();
        follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);
        Effects diff = follower.onPeerMessage(new SyncLog(M3, M1, 2, SyncMode.DIFF, Zxid.of(1, 1), List.of(SECOND)),
                40);
        Effects newLeader = follower.onPeerMessage(new NewLeader(M3, M1, 2, Zxid.of(1, 2)), 50);

        assertThat(diff.toLog()).containsExactly(SECOND);
        assertThat(newLeader.toSend()).isEmpty();

        Effects synced = follower.onLogSynced(Zxid.of(1, 2), 60);

        assertThat(synced.toPersist()).contains(new Epochs(2, 2));
        assertThat(synced.toSend()).containsExactly(new NewLeaderAck(M1, M3, 2, Zxid.of(1, 2)));
    }

    @Test
    void followerAcknowledgesAProposalOnlyAfterTheDriverSyncedIt() {
        join();
        follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);
        follower.onPeerMessage(new SyncLog(M3, M1, 2, SyncMode.TRUNC, Zxid.of(1, 1), List.of()), 40);
        follower.onPeerMessage(new NewLeader(M3, M1, 2, Zxid.of(1, 1)), 50);

        Effects logged = follower.onPeerMessage(new Propose(M3, M1, THIRD), 60);
        Effects synced = follower.onLogSynced(Zxid.of(2, 1), 70);

        assertThat(logged.toLog()).containsExactly(THIRD);
        assertThat(logged.toSend()).isEmpty();
        assertThat(synced.toSend()).containsExactly(new Ack(M1, M3, Zxid.of(2, 1)));
    }

    @Test
    void followerEchoesThePingRoundOfItsLeaderAndEpochOnly() {
        join();
        follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);

        Effects answer = follower.onPeerMessage(new Ping(M3, M1, 2, 41), 40);
        Effects otherEpoch = follower.onPeerMessage(new Ping(M3, M1, 1, 42), 50);
        Effects otherLeader = follower.onPeerMessage(new Ping(M2, M1, 2, 43), 60);

        assertThat(answer.toSend()).containsExactly(new Ping(M1, M3, 2, 41));
        assertThat(otherEpoch.toSend()).isEmpty();
        assertThat(otherLeader.toSend()).isEmpty();
    }

    @Test
    void aGapInTheProposalsSendsTheFollowerBackToLooking() {
        join();
        follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);
        follower.onPeerMessage(new SyncLog(M3, M1, 2, SyncMode.DIFF, Zxid.of(1, 1), List.of()), 40);
        follower.onPeerMessage(new NewLeader(M3, M1, 2, Zxid.of(1, 1)), 50);

        Effects effects = follower.onPeerMessage(new Propose(M3, M1, new Proposal(Zxid.of(2, 2), new byte[0])), 60);

        assertThat(effects.newRole()).isEqualTo(Optional.of(Role.LOOKING));
        assertThat(effects.toLog()).isEmpty();
    }

    @Test
    void aSnapInstallsTheLeadersStateAndThenLogsWhatFollowsIt() {
        join();
        follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);
        StateImage image = new StateImage(Zxid.of(1, 7), new byte[] {4, 2});

        Effects snap = follower.onPeerMessage(new SyncLog(M3, M1, 2, SyncMode.SNAP, Zxid.of(1, 7), List.of(THIRD))
                .withImage(image), 40);
        follower.onPeerMessage(new NewLeader(M3, M1, 2, Zxid.of(2, 1)), 50);
        Effects synced = follower.onLogSynced(Zxid.of(2, 1), 60);

        assertThat(snap.install()).contains(image);
        assertThat(snap.truncateTo()).isEmpty();
        assertThat(snap.toLog()).containsExactly(THIRD);
        assertThat(follower.committedThrough()).isEqualTo(Zxid.of(1, 7));
        assertThat(follower.logBase()).isEqualTo(Zxid.of(1, 7));
        assertThat(synced.toSend()).containsExactly(new NewLeaderAck(M1, M3, 2, Zxid.of(2, 1)));
    }

    @Test
    void aSnapWithoutTheLeadersStateSendsTheFollowerBackToLooking() {
        join();
        follower.onPeerMessage(new LeaderInfo(M3, M1, 2), 30);

        Effects effects = follower.onPeerMessage(new SyncLog(M3, M1, 2, SyncMode.SNAP, Zxid.of(1, 7), List.of()), 40);

        assertThat(effects.newRole()).contains(Role.LOOKING);
        assertThat(effects.install()).isEmpty();
    }
}
