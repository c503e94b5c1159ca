package dev.glasshouse.engine.compat;

/**
 * A running server that compatibility and differential tests talk to through real clients.
 * Implementations bind 127.0.0.1 on a free port and keep their data in a test-owned directory.
 * Every target uses a tick of {@link #TICK_MILLIS}, so negotiated session timeouts agree.
 */
interface TargetServer extends AutoCloseable {

    /** The tick every target runs with; the shortest session timeout is two ticks. */
    int TICK_MILLIS = 500;

    /** How often every target looks for empty containers and expired TTL nodes. */
    int CONTAINER_CHECK_MILLIS = 100;

    /** A short, human-readable name used in test display names and mismatch reports. */
    String name();

    /** The connect string for ZooKeeper and Curator clients, for example {@code 127.0.0.1:40123}. */
    String connectString();

    /** The bound client port. */
    int clientPort();

    /** Stops the server and releases its port; the data directory belongs to the caller. */
    @Override
    void close();
}
