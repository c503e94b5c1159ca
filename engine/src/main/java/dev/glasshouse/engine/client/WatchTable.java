package dev.glasshouse.engine.client;

/**
 * The five kinds of watch a client keeps, matching the five lists of setWatches2 and the
 * server's own tables.
 */
enum WatchTable {
    DATA,
    EXIST,
    CHILD,
    PERSISTENT,
    PERSISTENT_RECURSIVE
}
