package dev.glasshouse.engine.request;

/**
 * Names one client request across the ensemble: the member that holds the client's connection
 * recognises its request among the committed transactions by session and xid, as ZooKeeper's
 * commit processor does, because the zxid is chosen later by the leader. A new session's key has
 * xid 0, which no client request uses for a write before its session exists.
 */
record RequestKey(long sessionId, int xid) {
}
