package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.quorum.LeadershipConfirmed;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.request.SyncPoint;
import org.junit.jupiter.api.Test;

class SyncConfirmationsTest {
    private static final MemberId FOLLOWER = MemberId.of(2);
    private final SyncConfirmations syncs = new SyncConfirmations();

    @Test
    void theAnswerCoversWhatWasCommittedAndWhatWasProposedWhenTheSyncArrived() {
        long token = syncs.register(FOLLOWER, new LeaderRequest.Sync(0x42, 7), Zxid.of(2, 5).value());

        SyncConfirmations.Answer answer = syncs.confirmed(new LeadershipConfirmed(token, Zxid.of(2, 3))).orElseThrow();

        assertThat(answer.to()).isEqualTo(FOLLOWER);
        assertThat(answer.point()).isEqualTo(new SyncPoint(0x42, 7, Zxid.of(2, 5).value()));
    }

    @Test
    void aCommitBeyondTheLogEndAtArrivalIsTheBound() {
        long token = syncs.register(FOLLOWER, new LeaderRequest.Sync(0x42, 7), Zxid.of(2, 1).value());

        SyncPoint point = syncs.confirmed(new LeadershipConfirmed(token, Zxid.of(2, 4))).orElseThrow().point();

        assertThat(point.zxid()).isEqualTo(Zxid.of(2, 4).value());
    }

    @Test
    void eachTokenIsAnsweredOnceAndAbandonedOnesNever() {
        long answered = syncs.register(FOLLOWER, new LeaderRequest.Sync(1, 1), 0);
        long abandoned = syncs.register(FOLLOWER, new LeaderRequest.Sync(1, 2), 0);
        syncs.abandoned(abandoned);

        assertThat(syncs.confirmed(new LeadershipConfirmed(answered, Zxid.ZERO))).isPresent();
        assertThat(syncs.confirmed(new LeadershipConfirmed(answered, Zxid.ZERO))).isEmpty();
        assertThat(syncs.confirmed(new LeadershipConfirmed(abandoned, Zxid.ZERO))).isEmpty();
        assertThat(syncs.size()).isZero();
    }
}
