package dev.glasshouse.engine.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * A leader's numbered ping rounds and the leadership confirmations waiting on them (Raft's read
 * index on ZAB's heartbeat). Rounds count from 1 within one leadership. A confirmation requested
 * while round {@code r} is the latest waits for round {@code r}'s answers from a quorum; an answer
 * to a later round serves it too, so every confirmation waiting on a round at or below the one a
 * quorum answered is released together. Owned by one {@link Leading}; confined to its event loop.
 */
final class PingRounds {
    private record Waiting(long token, Zxid readIndex) {
    }

    private long latest;
    private final SortedMap<Long, List<Waiting>> waiting = new TreeMap<>();

    /** Starts the next round and returns its number. */
    long start() {
        return ++latest;
    }

    /** The latest round started, 0 before the first. */
    long latest() {
        return latest;
    }

    /** Makes {@code token} wait for a quorum to answer {@code round}, with the read index it will report. */
    void await(long round, long token, Zxid readIndex) {
        Check.state(round > 0 && round <= latest, "awaiting round %d with latest %d", round, latest);
        waiting.computeIfAbsent(round, r -> new ArrayList<>()).add(new Waiting(token, readIndex));
    }

    /**
     * Confirms, oldest round first, every waiting token whose round {@code answeredByQuorum} holds
     * for, and stops at the first round it does not (a later round never has more answers).
     */
    void confirm(LongPredicate answeredByQuorum, Outbox out) {
        while (!waiting.isEmpty() && answeredByQuorum.test(waiting.firstKey())) {
            for (Waiting confirmed : waiting.remove(waiting.firstKey())) {
                out.confirm(new LeadershipConfirmed(confirmed.token(), confirmed.readIndex()));
            }
        }
    }

    /** Gives up on every waiting token, as the leadership ends. */
    void abandonAll(Outbox out) {
        waiting.values().forEach(tokens -> tokens.forEach(w -> out.abandon(w.token())));
        waiting.clear();
    }
}
