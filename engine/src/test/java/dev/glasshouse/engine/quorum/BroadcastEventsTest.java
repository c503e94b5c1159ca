package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.quorum.ZabMessage.Ack;
import dev.glasshouse.engine.quorum.ZabMessage.Commit;
import dev.glasshouse.engine.quorum.ZabMessage.Propose;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observability events of broadcast: proposals, acknowledgements and commits, on voters 1, 2, 3. */
class BroadcastEventsTest {
    private static final MemberId M1 = MemberId.of(1);
    private static final MemberId M2 = MemberId.of(2);
    private static final MemberId M3 = MemberId.of(3);
    private static final Zxid FIRST = Zxid.of(1, 1);

    private final HandEnsemble ensemble = new HandEnsemble(QuorumVerifier.ofVoters(List.of(M1, M2, M3))).started();

    @Test
    void theLeaderReportsTheProposalTheAckThatCompletesAQuorumAndTheCommit() {
        Effects proposed = ensemble.propose(M3, new byte[] {1});
        PeerMessage toM2 = ensemble.takeInFlight().stream().filter(m -> m.to().equals(M2)).findFirst().orElseThrow();
        ensemble.deliver(toM2);
        PeerMessage ack = ensemble.takeInFlight().get(0);

        Effects acked = ensemble.deliver(ack);

        assertThat(toM2).isInstanceOf(Propose.class);
        assertThat(ack).isEqualTo(new Ack(M2, M3, FIRST));
        assertThat(proposed.events()).contains(new ReplicaEvent.Proposed(M3, FIRST, ensemble.now()));
        assertThat(acked.events()).containsSubsequence(new ReplicaEvent.AckReceived(M3, M2, FIRST, ensemble.now()),
                new ReplicaEvent.Committed(M3, FIRST, ensemble.now()));
    }

    @Test
    void aFollowerReportsWhatItAppliesOnce() {
        ensemble.propose(M3, new byte[] {1});
        ensemble.takeInFlight().forEach(ensemble::deliver);     // the proposals; the acks follow
        ensemble.takeInFlight().forEach(ensemble::deliver);     // the acks; the commits follow
        PeerMessage commit = ensemble.takeInFlight().stream().filter(m -> m.to().equals(M1)).findFirst()
                .orElseThrow();

        Effects applied = ensemble.deliver(commit);
        Effects again = ensemble.deliver(commit);

        assertThat(commit).isEqualTo(new Commit(M3, M1, FIRST));
        assertThat(applied.events()).containsExactly(new ReplicaEvent.Committed(M1, FIRST, ensemble.now()));
        assertThat(again.events()).isEmpty();
    }
}
