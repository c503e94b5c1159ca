package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import java.util.ArrayList;
import java.util.List;

/** Ensemble shapes for the simulations: voters 1..n and observers 101..100+m. */
final class SimEnsembles {
    private SimEnsembles() {
    }

    static QuorumVerifier of(int voters, int observers) {
        List<MemberId> voterIds = new ArrayList<>();
        for (int id = 1; id <= voters; id++) {
            voterIds.add(MemberId.of(id));
        }
        List<MemberId> observerIds = new ArrayList<>();
        for (int id = 1; id <= observers; id++) {
            observerIds.add(MemberId.of(100 + id));
        }
        return new QuorumVerifier(voterIds, observerIds);
    }
}
