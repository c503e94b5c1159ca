package dev.glasshouse.engine.wire;

import java.util.Optional;

/** The {@code type} of checkWatches and removeWatches requests ({@code Watcher.WatcherType}). */
public enum WatcherType {
    CHILDREN(1),
    DATA(2),
    ANY(3),
    PERSISTENT(4),
    PERSISTENT_RECURSIVE(5);

    private final int code;

    WatcherType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<WatcherType> fromCode(int code) {
        for (WatcherType value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
