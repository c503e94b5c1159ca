package dev.glasshouse.samples;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A point in time after which a participant stops waiting. Every blocking recipe call takes one, so
 * no demo or test can hang: waiting ends with a {@link TimeoutException} that says what was awaited.
 * Immutable; safe to share.
 */
public record Deadline(long atNanos) {

    /** The deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Milliseconds left, never negative. */
    public long remainingMillis() {
        return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
    }

    public boolean hasPassed() {
        return System.nanoTime() - atNanos >= 0;
    }

    /** Throws a timeout naming {@code what} once the deadline has passed. */
    public void check(String what) throws TimeoutException {
        if (hasPassed()) {
            throw new TimeoutException("Gave up waiting for " + what);
        }
    }
}
