package dev.glasshouse.engine.server.config;

/**
 * How a member keeps its transaction log and snapshots, from {@code zoo.cfg} with ZooKeeper's defaults.
 *
 * @param snapCount                   transactions between snapshots (randomised per member, as ZooKeeper does)
 * @param preAllocSizeKb              log segment preallocation in kilobytes ({@code preAllocSize})
 * @param forceSync                   whether each commit is fsynced; {@code no} is for tests and demos only
 * @param snapRetainCount             snapshots kept by purging ({@code autopurge.snapRetainCount})
 * @param purgeIntervalHours          hours between automatic purges, 0 for never ({@code autopurge.purgeInterval})
 * @param snapshotCompression         {@code snapshot.compression.method}: empty, {@code gz} or {@code snappy}
 * @param fsyncWarningThresholdMillis an fsync slower than this is logged ({@code fsync.warningthresholdms})
 */
public record PersistenceConfig(int snapCount, long preAllocSizeKb, boolean forceSync, int snapRetainCount,
                                int purgeIntervalHours, String snapshotCompression, long fsyncWarningThresholdMillis) {

    public static final PersistenceConfig DEFAULTS = new PersistenceConfig(100_000, 65_536, true, 3, 0, "", 1000);

    public PersistenceConfig withForceSync(boolean enabled) {
        return new PersistenceConfig(snapCount, preAllocSizeKb, enabled, snapRetainCount, purgeIntervalHours,
                snapshotCompression, fsyncWarningThresholdMillis);
    }

    public PersistenceConfig withSnapCount(int count) {
        return new PersistenceConfig(count, preAllocSizeKb, forceSync, snapRetainCount, purgeIntervalHours,
                snapshotCompression, fsyncWarningThresholdMillis);
    }
}
