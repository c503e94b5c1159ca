package dev.glasshouse.engine.server;

import dev.glasshouse.engine.quorum.LeadershipConfirmed;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.request.SyncPoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A leader's syncs waiting for it to confirm its leadership: each gets a token for
 * {@code Replica.confirmLeadership}, and a confirmation turns it into the {@link SyncPoint} for the
 * member that asked. Confined to the member's event-loop thread.
 */
final class SyncConfirmations {
    /** Where the answer goes once confirmed. */
    record Answer(MemberId to, SyncPoint point) {
    }

    private record Waiting(MemberId from, long sessionId, int cxid, long logEnd) {
    }

    private final Map<Long, Waiting> waiting = new HashMap<>();
    private long nextToken = 1;

    /**
     * Records a sync from {@code from} and returns its token. {@code logEnd} is the leader's log end
     * when the sync arrived: every write it has proposed, the session's earlier ones included (the
     * counter-0 zxid of a fresh epoch would name no transaction at all).
     */
    long register(MemberId from, LeaderRequest.Sync sync, long logEnd) {
        long token = nextToken++;
        waiting.put(token, new Waiting(from, sync.sessionId(), sync.cxid(), logEnd));
        return token;
    }

    /**
     * The leadership was confirmed for {@code confirmed.token()}: the sync's point covers every write
     * committed before it arrived and every write the leader had proposed by then, whose answers
     * must come before the sync's.
     */
    Optional<Answer> confirmed(LeadershipConfirmed confirmed) {
        Waiting sync = waiting.remove(confirmed.token());
        if (sync == null) {
            return Optional.empty();
        }
        long zxid = Math.max(confirmed.committedThrough().value(), sync.logEnd());
        return Optional.of(new Answer(sync.from(), new SyncPoint(sync.sessionId(), sync.cxid(), zxid)));
    }

    /** The leadership was not confirmed: the client's connection goes with the role, so nothing is answered. */
    void abandoned(long token) {
        waiting.remove(token);
    }

    void clear() {
        waiting.clear();
    }

    int size() {
        return waiting.size();
    }
}
