package dev.glasshouse.engine.client;

/**
 * Hears every state change of a client session, in order, on the client's event thread (the same
 * thread that runs watchers and completes futures), so a listener must not block.
 */
@FunctionalInterface
public interface SessionStateListener {
    void onStateChange(SessionState state);
}
