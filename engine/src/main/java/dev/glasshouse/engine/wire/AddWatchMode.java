package dev.glasshouse.engine.wire;

import java.util.Optional;

/** The {@code mode} of an addWatch request. */
public enum AddWatchMode {
    PERSISTENT(0),
    PERSISTENT_RECURSIVE(1);

    private final int code;

    AddWatchMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<AddWatchMode> fromCode(int code) {
        return switch (code) {
            case 0 -> Optional.of(PERSISTENT);
            case 1 -> Optional.of(PERSISTENT_RECURSIVE);
            default -> Optional.empty();
        };
    }
}
