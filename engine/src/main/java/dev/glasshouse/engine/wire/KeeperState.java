package dev.glasshouse.engine.wire;

import java.util.Optional;

/**
 * Connection states as ZooKeeper's {@code Watcher.Event.KeeperState}. Servers only ever send
 * {@link #SYNC_CONNECTED} in notifications; the others are synthesised by clients.
 */
public enum KeeperState {
    DISCONNECTED(0),
    SYNC_CONNECTED(3),
    AUTH_FAILED(4),
    CONNECTED_READ_ONLY(5),
    SASL_AUTHENTICATED(6),
    CLOSED(7),
    EXPIRED(-112);

    private final int code;

    KeeperState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<KeeperState> fromCode(int code) {
        for (KeeperState value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
