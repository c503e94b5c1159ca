package dev.glasshouse.engine.watch;

/** The four server-side watch registries ZooKeeper keeps. */
public enum WatchKind {
    /** One-shot watches from getData and exists. */
    DATA,
    /** One-shot watches from getChildren. */
    CHILD,
    /** addWatch PERSISTENT: data and child events on one node, until removed. */
    PERSISTENT,
    /** addWatch PERSISTENT_RECURSIVE: data events on a node and all its descendants, until removed. */
    PERSISTENT_RECURSIVE
}
