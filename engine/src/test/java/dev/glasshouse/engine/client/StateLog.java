package dev.glasshouse.engine.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records the state changes of one client, for tests; the test thread waits for them with a deadline. */
final class StateLog implements SessionStateListener {
    private final BlockingQueue<SessionState> states = new LinkedBlockingQueue<>();
    private final List<SessionState> seen = new ArrayList<>();

    /**
     * A log of {@code client}'s state now and of every later change. A listener hears only later
     * changes, so a state the client reached before subscribing (say, EXPIRED in answer to its
     * first connect) would otherwise be missed; recording the current state after subscribing may
     * record one state twice, which {@link #await} skips over.
     */
    static StateLog following(ZkClient client) {
        StateLog log = new StateLog();
        client.subscribe(log);
        log.onStateChange(client.state());
        return log;
    }

    @Override
    public void onStateChange(SessionState state) {
        states.add(state);
    }

    /** Waits for the state, skipping others; returns the states passed on the way. */
    List<SessionState> await(SessionState wanted) {
        long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
        List<SessionState> passed = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            SessionState next;
            try {
                next = states.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
            if (next == null) {
                throw new AssertionError("No " + wanted + " within " + Await.TIMEOUT + "; saw " + seen);
            }
            seen.add(next);
            passed.add(next);
            if (next == wanted) {
                return passed;
            }
        }
    }
}
