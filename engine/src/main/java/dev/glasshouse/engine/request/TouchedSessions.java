package dev.glasshouse.engine.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * On a learner, the sessions that showed life here since the last report to the leader, which
 * alone expires sessions and so must hear of them. Confined to the member's event-loop thread.
 */
final class TouchedSessions {
    private final LinkedHashSet<Long> touched = new LinkedHashSet<>();
    private final ServingState serving;

    TouchedSessions(ServingState serving) {
        this.serving = serving;
    }

    /** The session showed life; remembered only while learning, as any other mode expires its own sessions. */
    void touched(long sessionId) {
        if (serving.is(ServingMode.LEARNING)) {
            touched.add(sessionId);
        }
    }

    /** The sessions touched since the last call, for the leader; empty if none. */
    Optional<LeaderRequest.Touches> drain() {
        if (touched.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>(touched);
        touched.clear();
        return Optional.of(new LeaderRequest.Touches(ids));
    }

    void clear() {
        touched.clear();
    }
}
