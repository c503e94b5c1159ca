package dev.glasshouse.samples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** Small znode operations every recipe needs. Stateless. */
public final class Znodes {
    /** ZooKeeper appends a ten-digit, zero-padded counter to a sequential node's name. */
    private static final int SEQUENCE_DIGITS = 10;

    private Znodes() {
    }

    /**
     * Creates {@code path} and its missing ancestors as empty persistent znodes. Safe to run from
     * many participants at once: a concurrent creator's NodeExists is exactly what we wanted.
     */
    public static void ensurePath(ZooKeeper zk, String path) throws KeeperException, InterruptedException {
        int slash = 0;
        while (slash >= 0) {
            slash = path.indexOf('/', slash + 1);
            String prefix = slash < 0 ? path : path.substring(0, slash);
            try {
                zk.create(prefix, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException alreadyThere) {
                // Someone (maybe another participant) created it first: the path exists, as wanted.
            }
        }
    }

    /** Deletes {@code path} and everything below it; a missing node is already deleted. */
    public static void deleteTree(ZooKeeper zk, String path) throws KeeperException, InterruptedException {
        List<String> children;
        try {
            children = zk.getChildren(path, false);
        } catch (KeeperException.NoNodeException gone) {
            return;
        }
        for (String child : children) {
            deleteTree(zk, path + "/" + child);
        }
        try {
            zk.delete(path, -1);
        } catch (KeeperException.NoNodeException gone) {
            // Deleted concurrently (an ephemeral whose session ended): the goal is reached.
        }
    }

    /** The counter ZooKeeper appended to a sequential node's name. */
    public static long sequenceOf(String name) {
        return Long.parseLong(name.substring(name.length() - SEQUENCE_DIGITS));
    }

    /** The names sorted by their sequence counter: the order in which they were created. */
    public static List<String> sortedBySequence(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingLong(Znodes::sequenceOf));
        return sorted;
    }

    /** The last path component: {@code lock-0000000003} for {@code /samples/lock/lock-0000000003}. */
    public static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
