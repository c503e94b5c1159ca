package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fast leader election step by step on one member; the ensemble is voters 1, 2, 3 and observer 9. */
class ReplicaTest {
    private static final MemberId M1 = MemberId.of(1);
    private static final MemberId M2 = MemberId.of(2);
    private static final MemberId M3 = MemberId.of(3);
    private static final MemberId OBSERVER = MemberId.of(9);
    private static final QuorumVerifier ENSEMBLE = new QuorumVerifier(List.of(M1, M2, M3), List.of(OBSERVER));
    private static final DurableState HISTORY = new DurableState(1, Zxid.of(1, 5));

    private final Replica replica = new Replica(M1, ENSEMBLE, HISTORY, ElectionTimings.DEFAULT);

    @Test
    void startVotesForItselfInRoundOneAndTellsTheOtherVoters() {
        Effects effects = replica.start(0);

        assertThat(effects.newRole()).contains(Role.LOOKING);
        assertThat(effects.toSend()).containsExactly(looking(M1, M2, own(1)), looking(M1, M3, own(1)));
        assertThat(effects.events()).anySatisfy(e -> assertThat(e).isInstanceOf(ReplicaEvent.RoundStarted.class));
    }

    @Test
    void adoptsABetterVoteAndSendsItToTheOtherVoters() {
        replica.start(0);
        Vote better = new Vote(M2, Zxid.of(1, 6), 1, 1);

        Effects effects = replica.onPeerMessage(looking(M2, M1, better), 10);

        assertThat(replica.proposal()).contains(better);
        assertThat(effects.toSend()).containsExactly(looking(M1, M2, better), looking(M1, M3, better));
    }

    @Test
    void aWorseVoteInTheSameRoundIsNotAdoptedButItsSenderLearnsTheBetterOne() {
        replica.start(0);

        Effects effects = replica.onPeerMessage(looking(M2, M1, new Vote(M2, Zxid.of(1, 4), 1, 1)), 10);

        assertThat(replica.proposal()).contains(own(1));
        assertThat(effects.toSend()).containsExactly(looking(M1, M2, own(1)));
    }

    @Test
    void anEqualVoteInTheSameRoundIsNotAnswered() {
        replica.start(0);

        Effects effects = replica.onPeerMessage(looking(M2, M1, own(1)), 10);

        assertThat(effects.toSend()).isEmpty();
    }

    @Test
    void decidesForTheQuorumsVoteOnlyAfterTheFinalizeWait() {
        replica.start(0);
        Vote best = new Vote(M3, Zxid.of(1, 9), 1, 1);

        replica.onPeerMessage(looking(M3, M1, best), 100);
        assertThat(replica.onTick(299).newRole()).isEmpty();
        Effects effects = replica.onTick(300);

        assertThat(effects.newRole()).contains(Role.FOLLOWING);
        assertThat(replica.leader()).contains(best);
        assertThat(effects.events()).anySatisfy(e -> assertThat(e).isEqualTo(
                new ReplicaEvent.RoundEnded(M1, 1, best, false, 300)));
    }

    @Test
    void aBetterVoteDuringTheFinalizeWaitRestartsIt() {
        replica.start(0);
        replica.onPeerMessage(looking(M2, M1, new Vote(M2, Zxid.of(1, 6), 1, 1)), 100);
        Vote best = new Vote(M3, Zxid.of(1, 9), 1, 1);

        replica.onPeerMessage(looking(M3, M1, best), 250);

        assertThat(replica.onTick(300).newRole()).isEmpty();
        assertThat(replica.onTick(450).newRole()).contains(Role.FOLLOWING);
        assertThat(replica.leader()).contains(best);
    }

    @Test
    void aDecidedVoteReplacingALookingOneDuringTheFinalizeWaitCancelsIt() {
        replica.start(0);
        Vote best = new Vote(M3, Zxid.of(1, 9), 1, 1);
        replica.onPeerMessage(looking(M3, M1, best), 100);

        replica.onPeerMessage(new Notification(M3, M1, new Vote(M2, Zxid.of(1, 4), 1, 1), Role.FOLLOWING), 150);

        assertThat(replica.onTick(300).newRole()).isEmpty();
        assertThat(replica.role()).isEqualTo(Role.LOOKING);
    }

    @Test
    void aHigherRoundResetsTheVotesAndALowerRoundIsAnsweredWithTheCurrentProposal() {
        replica.start(0);
        Vote worse = new Vote(M2, Zxid.of(1, 4), 4, 1);

        Effects reset = replica.onPeerMessage(looking(M2, M1, worse), 10);
        Effects answer = replica.onPeerMessage(looking(M3, M1, new Vote(M3, Zxid.of(1, 9), 2, 1)), 20);

        assertThat(replica.round()).isEqualTo(4);
        assertThat(reset.toSend()).containsExactly(looking(M1, M2, own(4)), looking(M1, M3, own(4)));
        assertThat(answer.toSend()).containsExactly(looking(M1, M3, own(4)));
        assertThat(replica.proposal()).contains(own(4));
    }

    @Test
    void aDecidedMemberAnswersLookingPeersWithItsLeaderAndIgnoresDecidedOnes() {
        replica.start(0);
        Vote best = new Vote(M3, Zxid.of(1, 9), 1, 1);
        replica.onPeerMessage(looking(M3, M1, best), 0);
        replica.onTick(200);

        Effects answer = replica.onPeerMessage(looking(M2, M1, new Vote(M2, Zxid.of(1, 4), 7, 1)), 300);
        Effects silence = replica.onPeerMessage(new Notification(M3, M1, best, Role.LEADING), 300);

        assertThat(answer.toSend()).containsExactly(new Notification(M1, M2, best, Role.FOLLOWING));
        assertThat(silence.toSend()).isEmpty();
    }

    @Test
    void joinsAnEstablishedLeaderOnceAQuorumFollowsItAndTheLeaderSaysSo() {
        replica.start(0);
        Vote established = new Vote(M3, Zxid.of(1, 2), 6, 1);   // older zxid than ours: ZAB truncates us later

        Effects following = replica.onPeerMessage(new Notification(M2, M1, established, Role.FOLLOWING), 10);
        Effects leading = replica.onPeerMessage(new Notification(M3, M1, established, Role.LEADING), 20);

        assertThat(following.newRole()).isEmpty();
        assertThat(leading.newRole()).contains(Role.FOLLOWING);
        assertThat(replica.leader()).contains(established);
        assertThat(replica.round()).isEqualTo(6);
    }

    @Test
    void observersAreAnsweredButNeverCounted() {
        replica.start(0);
        Vote best = new Vote(M3, Zxid.of(1, 9), 1, 1);

        Effects answer = replica.onPeerMessage(looking(OBSERVER, M1, best), 10);
        replica.onTick(1_000);

        assertThat(answer.toSend()).containsExactly(looking(M1, OBSERVER, own(1)));
        assertThat(replica.role()).isEqualTo(Role.LOOKING);
        assertThat(replica.proposal()).contains(own(1));
    }

    @Test
    void reSendsWhileNothingArrivesBackingOffFrom200MillisTo60Seconds() {
        replica.start(0);
        List<Long> sendTimes = new ArrayList<>();
        for (long now = 0; now <= 300_000; now += 100) {
            if (!replica.onTick(now).toSend().isEmpty()) {
                sendTimes.add(now);
            }
        }

        assertThat(sendTimes).startsWith(200L, 600L, 1_400L, 3_000L, 6_200L, 12_600L, 25_400L, 51_000L);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sendTimes.size(); i++) {
            gaps.add(sendTimes.get(i) - sendTimes.get(i - 1));
        }
        assertThat(gaps).allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(60_000L)).endsWith(60_000L);
    }

    @Test
    void aLostLeaderSendsTheMemberIntoANewRound() {
        replica.start(0);
        replica.onPeerMessage(looking(M3, M1, new Vote(M3, Zxid.of(1, 9), 1, 1)), 0);
        replica.onTick(200);

        Effects effects = replica.onLeaderLost(5_000);

        assertThat(effects.newRole()).contains(Role.LOOKING);
        assertThat(replica.round()).isEqualTo(2);
        assertThat(replica.leader()).isEqualTo(Optional.empty());
    }

    @Test
    void aLoneVoterLeadsAfterTheFinalizeWait() {
        Replica alone = new Replica(M1, new QuorumVerifier(List.of(M1), List.of(OBSERVER)), HISTORY,
                ElectionTimings.DEFAULT);
        alone.start(0);

        assertThat(alone.onTick(199).newRole()).isEmpty();
        assertThat(alone.onTick(200).newRole()).contains(Role.LEADING);
        assertThat(alone.leader()).contains(own(1));
    }

    private static Vote own(long round) {
        return new Vote(M1, HISTORY.lastLoggedZxid(), round, HISTORY.currentEpoch());
    }

    private static Notification looking(MemberId from, MemberId to, Vote vote) {
        return new Notification(from, to, vote, Role.LOOKING);
    }
}
