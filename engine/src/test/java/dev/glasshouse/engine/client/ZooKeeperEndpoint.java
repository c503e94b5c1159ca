package dev.glasshouse.engine.client;

/**
 * A ZooKeeper-compatible server that client tests run against. Only {@link #connectString()} is
 * required; the fault operations are optional, and tests that need them skip themselves (through
 * {@link #supportsFaults()}) on an endpoint that cannot inject them.
 */
interface ZooKeeperEndpoint extends AutoCloseable {
    String connectString();

    default boolean supportsFaults() {
        return false;
    }

    /** Closes every client connection; sessions survive and clients may reconnect at once. */
    default void dropConnections() {
        throw new UnsupportedOperationException("dropConnections");
    }

    /** Ends a session on the server as if its timeout had passed: ephemerals go, its connection closes. */
    default void expireSession(long sessionId) {
        throw new UnsupportedOperationException("expireSession");
    }

    /** Stops listening; sessions survive on disk until their timeout passes. */
    default void stop() {
        throw new UnsupportedOperationException("stop");
    }

    /** Listens again on the same port, with the data and sessions from before {@link #stop()}. */
    default void restart() {
        throw new UnsupportedOperationException("restart");
    }

    @Override
    default void close() {
    }
}
