package dev.glasshouse.engine.client;

/**
 * A request was made on, or was still waiting in, a client that the application closed. Unlike
 * {@link ZkException} this is always the caller's own doing, so it is unchecked. Immutable.
 */
public final class ClientClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClientClosedException(String message) {
        super(message);
    }
}
