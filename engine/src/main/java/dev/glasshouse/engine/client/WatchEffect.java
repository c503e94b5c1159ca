package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.WatcherType;
import java.util.Optional;

/**
 * What a reply does to the local watch tables: nothing, register a watcher, or remove watchers
 * (one, or all of a type) and synthesise their removal events. Immutable.
 */
sealed interface WatchEffect {
    WatchEffect NONE = new None();

    record None() implements WatchEffect {
    }

    record Register(WatchRegistration registration) implements WatchEffect {
    }

    record Remove(String path, Optional<Watcher> watcher, WatcherType type) implements WatchEffect {
    }
}
