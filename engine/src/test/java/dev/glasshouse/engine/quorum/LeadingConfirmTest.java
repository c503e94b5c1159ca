package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.quorum.ZabMessage.Ping;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A leader confirming that it still leads a quorum, for linearizable syncs, in ensembles of three
 * voters (1, 2, 3; 3 leads first) driven by hand, and of one voter.
 */
class LeadingConfirmTest {
    private static final MemberId M1 = MemberId.of(1);
    private static final MemberId M2 = MemberId.of(2);
    private static final MemberId M3 = MemberId.of(3);
    private static final MemberId OBSERVER = MemberId.of(9);
    private static final byte[] WRITE = {42};

    private final HandEnsemble ensemble = new HandEnsemble(QuorumVerifier.ofVoters(List.of(M1, M2, M3))).started();

    @Test
    void theHighestIdLeadsTheFirstEpoch() {
        assertThat(ensemble.replica(M3).role()).isEqualTo(Role.LEADING);
        assertThat(ensemble.replica(M3).isServing()).isTrue();
        assertThat(ensemble.replica(M3).epoch()).isEqualTo(1);
        assertThat(ensemble.replica(M1).isServing()).isTrue();
    }

    @Test
    void confirmsWithTheCommittedZxidOnceOneFollowerAnswersTheNewRound() {
        ensemble.propose(M3, WRITE);
        ensemble.deliverAll();
        ensemble.isolate(M1);

        Effects asked = ensemble.confirm(M3, 7);

        assertThat(asked.confirmed()).isEmpty();
        assertThat(asked.toSend()).extracting(PeerMessage::to).containsExactly(M1, M2);
        assertThat(asked.toSend()).allSatisfy(ping -> assertThat(ping).isInstanceOf(Ping.class));
        ensemble.deliverAll();
        assertThat(ensemble.confirmed(M3)).containsExactly(new LeadershipConfirmed(7, Zxid.of(1, 1)));
        assertThat(ensemble.abandoned(M3)).isEmpty();
    }

    @Test
    void anAnswerToARoundStartedBeforeTheRequestConfirmsNothing() {
        ensemble.confirm(M3, 7);
        ensemble.deliverAll();
        Ping ping = (Ping) ensemble.confirm(M3, 8).toSend().get(0);
        List<PeerMessage> pings = ensemble.takeInFlight();

        Effects stale = ensemble.deliver(new Ping(M2, M3, 1, ping.round() - 1));

        assertThat(stale.confirmed()).isEmpty();
        pings.forEach(ensemble::deliver);
        ensemble.deliverAll();
        assertThat(ensemble.confirmed(M3)).extracting(LeadershipConfirmed::token).containsExactly(7L, 8L);
    }

    @Test
    void tokensWaitingTogetherAreConfirmedByOneAnswerToTheLatestRound() {
        ensemble.confirm(M3, 7);
        Ping latest = (Ping) ensemble.confirm(M3, 8).toSend().get(1);
        ensemble.takeInFlight();

        ensemble.deliver(latest);
        Effects answered = ensemble.deliver(ensemble.takeInFlight().get(0));

        assertThat(answered.confirmed()).extracting(LeadershipConfirmed::token).containsExactly(7L, 8L);
    }

    @Test
    void aDeposedLeaderPartitionedFromTheNewQuorumNeverConfirmsAndAbandonsWhenItStepsDown() {
        ensemble.propose(M3, WRITE);
        ensemble.deliverAll();
        ensemble.isolate(M3);
        electM2InEpochTwoWithoutTickingM3();
        ensemble.propose(M2, WRITE);
        ensemble.deliverAll();
        assertThat(ensemble.replica(M1).committedThrough()).isEqualTo(Zxid.of(2, 1));
        ensemble.heal();

        Effects asked = ensemble.confirm(M3, 9);
        ensemble.deliverAll();

        assertThat(asked.toSend()).hasSize(2);
        assertThat(ensemble.replica(M3).role()).isEqualTo(Role.LEADING);
        assertThat(ensemble.confirmed(M3)).isEmpty();
        Effects stepDown = ensemble.tick(M3);
        assertThat(stepDown.newRole()).contains(Role.LOOKING);
        assertThat(stepDown.abandoned()).containsExactly(9L);
        assertThat(ensemble.confirmed(M3)).isEmpty();
    }

    @Test
    void everyWaitingTokenIsAbandonedWhenTheLeaderIsToldItLostItsQuorum() {
        ensemble.isolate(M1);
        ensemble.isolate(M2);
        ensemble.confirm(M3, 1);
        ensemble.confirm(M3, 2);

        Effects lost = ensemble.replica(M3).onLeaderLost(ensemble.now());

        assertThat(lost.abandoned()).containsExactly(1L, 2L);
        assertThat(ensemble.confirm(M3, 3).abandoned()).containsExactly(3L);
    }

    @Test
    void aMemberThatIsNotAnEstablishedLeaderAbandonsTheTokenAtOnce() {
        Effects follower = ensemble.confirm(M1, 5);
        Replica notStarted = new Replica(M1, QuorumVerifier.ofVoters(List.of(M1, M2, M3)), Recovered.EMPTY,
                HandEnsemble.TIMINGS);

        assertThat(follower.abandoned()).containsExactly(5L);
        assertThat(follower.confirmed()).isEmpty();
        assertThat(follower.toSend()).isEmpty();
        assertThat(notStarted.confirmLeadership(6, 0).abandoned()).containsExactly(6L);
    }

    @Test
    void aSingleVoterConfirmsAtOnce() {
        HandEnsemble alone = new HandEnsemble(QuorumVerifier.ofVoters(List.of(M1))).started();
        alone.propose(M1, WRITE);

        Effects confirmed = alone.confirm(M1, 11);

        assertThat(confirmed.confirmed()).containsExactly(new LeadershipConfirmed(11, Zxid.of(1, 1)));
        assertThat(confirmed.toSend()).isEmpty();
    }

    @Test
    void anObserversAnswerDoesNotCount() {
        HandEnsemble withObserver = new HandEnsemble(new QuorumVerifier(List.of(M1, M2, M3), List.of(OBSERVER)))
                .started();
        withObserver.isolate(M1);
        withObserver.isolate(M2);

        Effects asked = withObserver.confirm(M3, 4);
        withObserver.deliverAll();

        assertThat(asked.toSend()).extracting(PeerMessage::to).contains(OBSERVER);
        assertThat(withObserver.confirmed(M3)).isEmpty();
    }

    @Test
    void theNextProposalZxidIsTheOneProposeAssignsAndOnlyALeaderHasOne() {
        ensemble.propose(M3, WRITE);
        Optional<Zxid> next = ensemble.replica(M3).nextProposalZxid();

        Effects proposed = ensemble.propose(M3, WRITE);

        assertThat(next).contains(Zxid.of(1, 2));
        assertThat(proposed.toLog()).extracting(Proposal::zxid).containsExactly(Zxid.of(1, 2));
        assertThat(ensemble.replica(M1).nextProposalZxid()).isEmpty();
    }

    /** M1 and M2 time out on the silent M3 and elect M2, which M1 follows in epoch 2. */
    private void electM2InEpochTwoWithoutTickingM3() {
        ensemble.advance(HandEnsemble.TIMINGS.syncMillis() + 1);
        ensemble.tick(M1);
        ensemble.tick(M2);
        ensemble.deliverAll();
        ensemble.advance(HandEnsemble.TIMINGS.election().finalizeWaitMillis());
        ensemble.tick(M1);
        ensemble.tick(M2);
        ensemble.deliverAll();
        assertThat(ensemble.replica(M2).role()).isEqualTo(Role.LEADING);
        assertThat(ensemble.replica(M2).isServing()).isTrue();
        assertThat(ensemble.replica(M2).epoch()).isEqualTo(2);
        assertThat(ensemble.replica(M1).leader()).map(Vote::leader).contains(M2);
    }
}
