package dev.glasshouse.engine.client;

/**
 * The life of a client session as its listeners see it. A session starts in {@link #CONNECTING},
 * moves between the connected states and {@link #DISCONNECTED} while it lives, and ends in exactly
 * one of the terminal states {@link #EXPIRED}, {@link #AUTH_FAILED} or {@link #CLOSED}.
 */
public enum SessionState {
    /** Looking for a server for the first time; requests wait in a queue. */
    CONNECTING,
    /** Connected to a server that serves reads and writes. */
    CONNECTED,
    /** Connected to a server partitioned from its quorum; writes fail with NOT_READ_ONLY. */
    CONNECTED_READ_ONLY,
    /** The connection was lost; the client is reconnecting and the session may still live. */
    DISCONNECTED,
    /** The ensemble (or the client's local deadline) ended the session; its ephemerals are gone. */
    EXPIRED,
    /** The server rejected the credentials given to {@code addAuth}. */
    AUTH_FAILED,
    /** The application closed the client. */
    CLOSED;

    public boolean isConnected() {
        return this == CONNECTED || this == CONNECTED_READ_ONLY;
    }

    /** Whether the session can still serve requests, now or after a reconnect. */
    public boolean isAlive() {
        return this != EXPIRED && this != AUTH_FAILED && this != CLOSED;
    }
}
