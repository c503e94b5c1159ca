package dev.glasshouse.engine.console;

import java.util.Optional;

/**
 * A saved way to reach an ensemble: a name, the full connect string (hosts and optional chroot,
 * e.g. {@code 127.0.0.1:2181,127.0.0.1:2182/app}), optional digest credentials and the session
 * timeout to ask for. Immutable.
 */
public record ConnectionProfile(String name, String connectString, Optional<String> digestCredentials,
                                int sessionTimeoutMillis) {
    public ConnectionProfile {
        if (connectString == null || connectString.isBlank()) {
            throw new IllegalArgumentException("a connection profile needs a connect string");
        }
    }

    public static ConnectionProfile of(String name, String connectString) {
        return new ConnectionProfile(name, connectString, Optional.empty(), 30_000);
    }

    public ConnectionProfile withDigest(String userAndPassword) {
        return new ConnectionProfile(name, connectString, Optional.of(userAndPassword), sessionTimeoutMillis);
    }
}
