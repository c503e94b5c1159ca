package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A follower that loses its leader's connection while the leader keeps its quorum comes back to the
 * same leader in the same epoch: it had accepted that epoch already, so it rejoins without
 * accepting it again (ZooKeeper's ACKEPOCH with currentEpoch -1) instead of waiting for a new one.
 */
class RejoinTest {
    private static final MemberId M1 = MemberId.of(1);
    private static final MemberId M2 = MemberId.of(2);
    private static final MemberId M3 = MemberId.of(3);
    private static final int MAX_STEPS = 200;

    private final HandEnsemble ensemble = new HandEnsemble(QuorumVerifier.ofVoters(List.of(M1, M2, M3))).started();

    private void runUntil(BooleanSupplier done) {
        for (int step = 0; step < MAX_STEPS && !done.getAsBoolean(); step++) {
            ensemble.advance(HandEnsemble.TIMINGS.tickMillis() / 4);
            ensemble.tickAll();
            ensemble.deliverAll();
        }
        assertThat(done.getAsBoolean()).as("reached within " + MAX_STEPS + " steps").isTrue();
    }

    @Test
    void aFollowerCutOffAndBackRejoinsItsLeaderInTheSameEpoch() {
        long epoch = ensemble.replica(M3).epoch();
        ensemble.isolate(M1);
        runUntil(() -> ensemble.replica(M1).role() == Role.LOOKING);
        assertThat(ensemble.replica(M3).isServing()).as("the leader keeps its quorum with M2").isTrue();

        ensemble.heal();
        runUntil(() -> ensemble.replica(M1).isServing());

        assertThat(ensemble.replica(M1).role()).isEqualTo(Role.FOLLOWING);
        assertThat(ensemble.replica(M1).leader().orElseThrow().leader()).isEqualTo(M3);
        assertThat(ensemble.replica(M3).epoch()).isEqualTo(epoch);
        assertThat(ensemble.replica(M1).epochs()).isEqualTo(new Epochs(epoch, epoch));
    }
}
