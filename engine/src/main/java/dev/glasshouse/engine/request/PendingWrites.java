package dev.glasshouse.engine.request;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Who waits for which write: the requests this member's clients sent whose transactions have not
 * been applied yet, by {@link RequestKey}. A client that reuses an xid gets its answers in the
 * order it sent the writes, as the transactions of one session commit in that order.
 * Confined to the member's event-loop thread.
 */
final class PendingWrites {
    private final Map<RequestKey, Deque<PendingWrite>> byKey = new HashMap<>();

    void add(RequestKey key, PendingWrite write) {
        byKey.computeIfAbsent(key, k -> new ArrayDeque<>(1)).addLast(write);
    }

    /** The oldest write waiting under {@code key}, removed; null when none waits here. */
    PendingWrite take(RequestKey key) {
        Deque<PendingWrite> waiting = byKey.get(key);
        if (waiting == null) {
            return null;
        }
        PendingWrite write = waiting.pollFirst();
        if (waiting.isEmpty()) {
            byKey.remove(key);
        }
        return write;
    }

    /** The connection is gone: nobody is left to answer for its writes. */
    void forget(long connectionId) {
        byKey.values().forEach(waiting -> waiting.removeIf(write -> write.connectionId() == connectionId));
        byKey.values().removeIf(Deque::isEmpty);
    }

    int size() {
        return byKey.values().stream().mapToInt(Deque::size).sum();
    }
}
