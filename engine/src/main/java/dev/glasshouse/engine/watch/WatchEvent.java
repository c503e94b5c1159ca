package dev.glasshouse.engine.watch;

import dev.glasshouse.engine.wire.EventType;

/** A notification owed to one watcher (a client connection) because of one change. */
public record WatchEvent(long watcher, EventType type, String path) {
}
