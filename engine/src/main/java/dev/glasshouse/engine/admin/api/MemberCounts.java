package dev.glasshouse.engine.admin.api;

/**
 * Sizes of a member's state, read on its event-loop thread in one step so they agree with each other.
 *
 * @param znodeCount          as ZooKeeper counts it: every node plus one, because its tree keys the root twice
 * @param approximateDataSize characters of all paths plus bytes of all data, ZooKeeper's approximation
 * @param watchCount          watch registrations of every kind
 * @param watchBytes          characters of the watched paths over all registrations, ZooKeeper's {@code watch_bytes}
 */
public record MemberCounts(long lastZxid, int znodeCount, long approximateDataSize, int watchCount, long watchBytes,
                           int ephemeralsCount, int sessionCount, int connectionCount) {
}
