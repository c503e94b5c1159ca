package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.EventType;

/** One change that applying a transaction made, as the watch table needs it to fire watches. */
public record TreeChange(EventType type, String path) {
}
