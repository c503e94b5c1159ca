package dev.glasshouse.engine.console;

/** The connection as the status bar shows it, in words a user understands. */
public enum ConnectionStatus {
    DISCONNECTED("Not connected"),
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    READ_ONLY("Connected (read-only: the server has lost its quorum)"),
    RECONNECTING("Connection lost, reconnecting; the session is kept if it comes back in time"),
    EXPIRED("Session expired: its ephemeral nodes are gone. Reconnect to start a new session"),
    AUTH_FAILED("The server rejected the credentials. Check the digest user and password"),
    CLOSED("Disconnected");

    private final String text;

    ConnectionStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
