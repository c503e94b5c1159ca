package dev.glasshouse.engine.server;

import dev.glasshouse.engine.server.config.ServerConfig;

/**
 * A running standalone member: the client listener, the member event loop and its timers.
 * Built by {@link #start(ServerConfig)}; {@link #close()} stops accepting, answers what is
 * queued and releases the port.
 */
public final class StandaloneServer implements AutoCloseable {

    private StandaloneServer() {
    }

    /** Starts a member and returns once its client port is bound. */
    public static StandaloneServer start(ServerConfig config) {
        throw new UnsupportedOperationException("being written");
    }

    /** The bound client port, useful when the configuration asked for port 0. */
    public int clientPort() {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("being written");
    }
}
