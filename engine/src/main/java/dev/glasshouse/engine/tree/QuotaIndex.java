package dev.glasshouse.engine.tree;

import java.util.Map;
import java.util.Optional;

/**
 * Quotas as ZooKeeper keeps them in the tree: a path {@code /p} has a quota while
 * {@code /zookeeper/quota/p/zookeeper_limits} exists, and its usage (nodes and data bytes in the
 * subtree, the node itself included) lives in {@code /zookeeper/quota/p/zookeeper_stats}, updated
 * silently by every create, delete and setData below {@code /p}. The deepest quota on a path
 * counts; {@code /} never has one. Derived from the nodes themselves, so a tree restored from a
 * snapshot needs no rebuilding. Confined, like the tree, to the member's event-loop thread.
 */
public final class QuotaIndex {
    public static final String LIMITS = "zookeeper_limits";
    public static final String STATS = "zookeeper_stats";

    private final Map<String, Znode> nodes;

    QuotaIndex(Map<String, Znode> nodes) {
        this.nodes = nodes;
    }

    /** The deepest path on the way to {@code path} (itself included) that has a quota. */
    public Optional<String> quotaRoot(String path) {
        if (path == null || !path.startsWith("/") || path.length() == 1) {
            return Optional.empty();
        }
        String found = null;
        int next = path.indexOf('/', 1);
        while (true) {
            String prefix = next < 0 ? path : path.substring(0, next);
            if (nodes.containsKey(limitsPath(prefix))) {
                found = prefix;
            }
            if (next < 0) {
                return Optional.ofNullable(found);
            }
            next = path.indexOf('/', next + 1);
        }
    }

    /** The limits of the quota on {@code root}; empty when it has none or its data does not parse. */
    public Optional<QuotaRecord> limits(String root) {
        return record(limitsPath(root));
    }

    /** The usage recorded for the quota on {@code root}; empty when missing or unparsable. */
    public Optional<QuotaRecord> usage(String root) {
        return record(statsPath(root));
    }

    public static String limitsPath(String root) {
        return DataTree.QUOTA + root + "/" + LIMITS;
    }

    public static String statsPath(String root) {
        return DataTree.QUOTA + root + "/" + STATS;
    }

    private Optional<QuotaRecord> record(String path) {
        Znode node = nodes.get(path);
        return node == null ? Optional.empty() : QuotaRecord.parse(node.data());
    }

    /** After a node was created, deleted or had its data changed: move the usage of its quota. */
    void changed(String path, long countDiff, long bytesDiff) {
        quotaRoot(path).ifPresent(root -> {
            Znode stats = nodes.get(statsPath(root));
            // ZooKeeper logs and skips a missing stats node; an unparsable one it cannot update either.
            if (stats != null) {
                QuotaRecord.parse(stats.data())
                        .ifPresent(usage -> stats.replaceDataSilently(usage.plus(countDiff, bytesDiff).bytes()));
            }
        });
    }

    /**
     * A node was created: when it is a quota's stats node, ZooKeeper replaces whatever the client
     * wrote with the subtree's current usage.
     */
    void created(String path, String parentPath) {
        if (parentPath.startsWith(DataTree.QUOTA) && path.endsWith("/" + STATS)) {
            String root = parentPath.substring(DataTree.QUOTA.length());
            long[] usage = new long[2];
            count(root, usage);
            nodes.get(path).replaceDataSilently(QuotaRecord.usage(usage[0], usage[1]).bytes());
        }
    }

    private void count(String path, long[] usage) {
        Znode node = nodes.get(path);
        if (node == null) {
            return;
        }
        usage[0]++;
        usage[1] += node.dataLength();
        for (String child : node.children()) {
            count(PathRules.child(path, child), usage);
        }
    }
}
