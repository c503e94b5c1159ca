package dev.glasshouse.engine.session;

/** Clamps a client's requested session timeout to the member's configured bounds. */
public record TimeoutNegotiation(int minMillis, int maxMillis) {
    public TimeoutNegotiation {
        if (minMillis <= 0 || minMillis > maxMillis) {
            throw new IllegalArgumentException("session timeout bounds must satisfy 0 < min <= max, got "
                    + minMillis + ".." + maxMillis);
        }
    }

    public int negotiate(int requestedMillis) {
        return Math.max(minMillis, Math.min(maxMillis, requestedMillis));
    }
}
