package dev.glasshouse.engine.admin.api;

/** The newest snapshot on disk: the zxid it covers and when it was taken (epoch seconds). */
public record SnapshotInfo(long zxid, long timestampSeconds) {
}
