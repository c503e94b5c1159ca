package dev.glasshouse.engine.quorum;

/**
 * The timers of fast leader election, with ZooKeeper's defaults in {@link #DEFAULT}: once a quorum
 * agrees, wait {@code finalizeWaitMillis} for a better vote before deciding; while nothing arrives,
 * re-send notifications after {@code minNotificationIntervalMillis}, doubling up to
 * {@code maxNotificationIntervalMillis}. Immutable.
 */
public record ElectionTimings(long finalizeWaitMillis, long minNotificationIntervalMillis,
                              long maxNotificationIntervalMillis) {
    /** {@code finalizeWait} 200 ms, {@code minNotificationInterval} 200 ms, {@code maxNotificationInterval} 60 s. */
    public static final ElectionTimings DEFAULT = new ElectionTimings(200, 200, 60_000);

    public ElectionTimings {
        Check.state(finalizeWaitMillis >= 0, "finalizeWaitMillis %d is negative", finalizeWaitMillis);
        Check.state(minNotificationIntervalMillis > 0, "minNotificationIntervalMillis %d is not positive",
                minNotificationIntervalMillis);
        Check.state(maxNotificationIntervalMillis >= minNotificationIntervalMillis,
                "maxNotificationIntervalMillis %d is below the minimum %d", maxNotificationIntervalMillis,
                minNotificationIntervalMillis);
    }
}
