package dev.glasshouse.engine.wire;

import java.util.Optional;

/** The {@code type} of a {@code WatcherEvent}, as ZooKeeper's {@code Watcher.Event.EventType}. */
public enum EventType {
    NONE(-1),
    NODE_CREATED(1),
    NODE_DELETED(2),
    NODE_DATA_CHANGED(3),
    NODE_CHILDREN_CHANGED(4),
    DATA_WATCH_REMOVED(5),
    CHILD_WATCH_REMOVED(6),
    PERSISTENT_WATCH_REMOVED(7);

    private final int code;

    EventType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<EventType> fromCode(int code) {
        for (EventType value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
