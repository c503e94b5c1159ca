package dev.glasshouse.engine.quorum;

/**
 * The timers of ZAB, in ZooKeeper's units: a tick of {@code tickMillis}; a learner must connect and
 * synchronize within {@code initLimit} ticks, and after that the leader and its learners must hear
 * from each other within {@code syncLimit} ticks. The leader pings every half tick. Immutable.
 */
public record ZabTimings(ElectionTimings election, long tickMillis, int initLimit, int syncLimit) {
    /** ZooKeeper's sample configuration: tickTime 2000, initLimit 10, syncLimit 5. */
    public static final ZabTimings DEFAULT = new ZabTimings(ElectionTimings.DEFAULT, 2_000, 10, 5);

    public ZabTimings {
        Check.state(tickMillis >= 2, "tickMillis %d is below 2", tickMillis);
        Check.state(initLimit > 0 && syncLimit > 0, "initLimit %d and syncLimit %d must be positive", initLimit,
                syncLimit);
    }

    long initMillis() {
        return initLimit * tickMillis;
    }

    long syncMillis() {
        return syncLimit * tickMillis;
    }

    long pingMillis() {
        return tickMillis / 2;
    }
}
