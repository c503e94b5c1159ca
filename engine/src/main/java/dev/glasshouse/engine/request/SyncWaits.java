package dev.glasshouse.engine.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The syncs of one ensemble member's clients on their way: first waiting for the leader's
 * {@link SyncPoint}, then for this member to apply through the point's zxid. Only then may the
 * client be answered, so that its next read sees every write acknowledged before its sync began.
 * Confined to the member's event-loop thread.
 */
final class SyncWaits {
    /** A client's sync: the connection to answer, its xid and the path to echo. */
    record Waiting(long connectionId, int xid, String path) {
    }

    private final Map<RequestKey, Waiting> awaitingPoint = new HashMap<>();
    private final TreeMap<Long, List<Waiting>> awaitingApply = new TreeMap<>();

    void awaitPoint(RequestKey key, Waiting waiting) {
        awaitingPoint.put(key, waiting);
    }

    /** The leader answered; returns the sync when it can be answered now, having applied through {@code applied}. */
    List<Waiting> reached(SyncPoint point, long applied) {
        Waiting waiting = awaitingPoint.remove(new RequestKey(point.sessionId(), point.cxid()));
        if (waiting == null) {
            return List.of();
        }
        if (point.zxid() <= applied) {
            return List.of(waiting);
        }
        awaitingApply.computeIfAbsent(point.zxid(), zxid -> new ArrayList<>()).add(waiting);
        return List.of();
    }

    /** This member applied through {@code zxid}: the syncs whose point it reached, in point order. */
    List<Waiting> applied(long zxid) {
        List<Waiting> ready = new ArrayList<>();
        while (!awaitingApply.isEmpty() && awaitingApply.firstKey() <= zxid) {
            ready.addAll(awaitingApply.pollFirstEntry().getValue());
        }
        return ready;
    }

    /** The connection is gone: its syncs will never be answered. */
    void forget(long connectionId) {
        awaitingPoint.values().removeIf(waiting -> waiting.connectionId() == connectionId);
        awaitingApply.values().forEach(list -> list.removeIf(waiting -> waiting.connectionId() == connectionId));
        awaitingApply.values().removeIf(List::isEmpty);
    }
}
