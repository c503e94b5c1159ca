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

    /** Closes the client's connection from the server side; the session survives and the client may reconnect. */
    default void dropConnection(ZkClient client) {
        throw new UnsupportedOperationException("dropConnection");
    }

    /**
     * Ends the client's session on the server without the client's help: its ephemerals go, its
     * connection closes, and a reconnect hears that the session has expired.
     */
    default void expireSession(ZkClient client) {
        throw new UnsupportedOperationException("expireSession");
    }

    /** Stops the server; clients lose their connection and cannot reconnect. */
    @Override
    default void close() {
    }
}
