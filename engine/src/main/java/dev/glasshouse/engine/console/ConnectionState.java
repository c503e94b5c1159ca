package dev.glasshouse.engine.console;

import java.util.Optional;

/** The connection model's state, immutable: which profile, how connected, which session, what failed. */
public record ConnectionState(Optional<ConnectionProfile> profile, ConnectionStatus status, long sessionId,
                              Optional<Problem> problem) {
    public static final ConnectionState NONE = new ConnectionState(Optional.empty(), ConnectionStatus.DISCONNECTED,
            0, Optional.empty());

    public String sessionText() {
        return sessionId == 0 ? "-" : "0x" + Long.toHexString(sessionId);
    }
}
