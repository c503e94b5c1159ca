package dev.glasshouse.engine.client;

/** One watcher and the event it is due, queued for the event thread. Immutable. */
record WatchDelivery(Watcher watcher, WatchEvent event) {
}
