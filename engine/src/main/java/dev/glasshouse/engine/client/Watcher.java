package dev.glasshouse.engine.client;

/**
 * Receives watch events for the paths it was registered on. Called on the client's single event
 * thread, in the order the server sent the events, and before the completion of any reply that
 * arrived after the event. Watchers are compared by identity: one watcher registered on a path
 * several times hears each change once.
 */
@FunctionalInterface
public interface Watcher {
    void process(WatchEvent event);
}
