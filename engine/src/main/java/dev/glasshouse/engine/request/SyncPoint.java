package dev.glasshouse.engine.request;

/**
 * The leader's answer to a {@link LeaderRequest.Sync}: while it still led a quorum it had committed
 * through {@code zxid}, so a member that has applied through {@code zxid} can answer the client's
 * sync and every later read sees every write acknowledged before the sync began.
 */
public record SyncPoint(long sessionId, int cxid, long zxid) {
}
