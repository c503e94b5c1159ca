package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.KeeperState;

/**
 * One event delivered to a {@link Watcher}: what happened, the connection state it happened in,
 * and the znode path relative to the client's chroot. Immutable.
 */
public record WatchEvent(EventType type, KeeperState state, String path) {
}
