package dev.glasshouse.engine.quorum.sim;

/** Simulated time in milliseconds, advanced only by the scheduler and never backwards. Single-threaded. */
final class SimClock {
    private long nowMillis;

    long nowMillis() {
        return nowMillis;
    }

    void advanceTo(long millis) {
        if (millis < nowMillis) {
            throw new IllegalStateException("time moving back from " + nowMillis + " to " + millis);
        }
        nowMillis = millis;
    }
}
