package dev.glasshouse.engine.quorum;

/**
 * Invariant checks of the replication core. A failed check is a bug: it throws
 * {@link IllegalStateException} with the values involved, and the core never patches the state.
 */
final class Check {
    private Check() {
    }

    /** Throws when {@code condition} is false; the message is formatted only then. */
    static void state(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(format, args));
        }
    }
}
