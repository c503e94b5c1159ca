package dev.glasshouse.engine.compat;

import static org.apache.zookeeper.Watcher.Event.EventType.NodeChildrenChanged;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeCreated;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeDataChanged;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeDeleted;
import static org.apache.zookeeper.Watcher.Event.EventType.PersistentWatchRemoved;

import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** addWatch in PERSISTENT and PERSISTENT_RECURSIVE mode, and removing such watches. */
class PersistentWatchCompatTest {

    @AgainstEachTarget
    void persistentWatchFiresForEveryChangeOfTheNodeAndItsChildList(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            var log = new EventLog();
            zk.addWatch("/p", log, AddWatchMode.PERSISTENT);
            zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/p", new byte[1], -1);
            zk.setData("/p", new byte[2], -1);
            zk.create("/p/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/p/child", new byte[1], -1);
            zk.delete("/p/child", -1);

            log.expect(NodeCreated, "/p");
            log.expect(NodeDataChanged, "/p");
            log.expect(NodeDataChanged, "/p");
            log.expect(NodeChildrenChanged, "/p");
            log.expect(NodeChildrenChanged, "/p");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void recursiveWatchSeesDescendantsButNoChildListChanges(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            var log = new EventLog();
            zk.create("/r", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.addWatch("/r", log, AddWatchMode.PERSISTENT_RECURSIVE);
            zk.create("/r/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/r/a/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/r/a/b", new byte[1], -1);
            zk.create("/rest", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.delete("/r/a/b", -1);
            zk.setData("/r", new byte[1], -1);

            log.expect(NodeCreated, "/r/a");
            log.expect(NodeCreated, "/r/a/b");
            log.expect(NodeDataChanged, "/r/a/b");
            log.expect(NodeDeleted, "/r/a/b");
            log.expect(NodeDataChanged, "/r");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void removingPersistentWatchDeliversRemovalAndSilencesIt(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            var log = new EventLog();
            zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.addWatch("/p", log, AddWatchMode.PERSISTENT_RECURSIVE);
            zk.removeWatches("/p", log, WatcherType.Any, false);
            zk.setData("/p", new byte[1], -1);
            zk.create("/p/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            log.expect(PersistentWatchRemoved, "/p");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void persistentWatchSurvivesTheDeletionOfItsNode(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            var log = new EventLog();
            zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.addWatch("/p", log, AddWatchMode.PERSISTENT);
            zk.delete("/p", -1);
            zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            log.expect(NodeDeleted, "/p");
            log.expect(NodeCreated, "/p");
            log.expectNothingMore(zk);
        }
    }
}
