package dev.glasshouse.engine.compat;

import static org.apache.zookeeper.Watcher.Event.EventType.DataWatchRemoved;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeChildrenChanged;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeCreated;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeDataChanged;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeDeleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** One-shot data, exists and child watches: what fires them, how often, and in which order. */
class WatchCompatTest {

    @AgainstEachTarget
    void dataWatchFiresOnceForTheNextChange(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getData("/w", true, null);
            zk.setData("/w", new byte[1], -1);
            zk.setData("/w", new byte[2], -1);

            log.expect(NodeDataChanged, "/w");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void existsWatchOnMissingNodeFiresWhenItIsCreated(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper watcher = sessions.open(log);
            ZooKeeper writer = sessions.open();
            assertThat(watcher.exists("/later", true)).isNull();
            writer.create("/later", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            log.expect(NodeCreated, "/later");
        }
    }

    @AgainstEachTarget
    void getDataOnMissingNodeLeavesNoWatch(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            assertThatThrownBy(() -> zk.getData("/later", true, null))
                    .isInstanceOf(KeeperException.NoNodeException.class);
            zk.create("/later", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void dataWatchFiresNodeDeletedWhenTheNodeGoes(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.exists("/w", true);
            zk.delete("/w", -1);

            log.expect(NodeDeleted, "/w");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void childWatchFiresForChildCreateButNotForChildDataChange(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/p/old", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getChildren("/p", true);
            zk.setData("/p/old", new byte[1], -1);
            zk.setData("/p", new byte[1], -1);
            zk.create("/p/new", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            log.expect(NodeChildrenChanged, "/p");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void childWatchFiresNodeDeletedWhenTheParentGoes(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getChildren("/p", true);
            zk.delete("/p", -1);

            log.expect(NodeDeleted, "/p");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void oneWatcherSetTwiceOnAPathGetsOneEvent(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getData("/w", true, null);
            zk.exists("/w", true);
            zk.setData("/w", null, -1);

            log.expect(NodeDataChanged, "/w");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void setAclFiresNoWatch(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getData("/w", true, null);
            zk.setACL("/w", Ids.OPEN_ACL_UNSAFE, -1);

            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void watchEventRunsBeforeTheCallbackOfTheWriteThatCausedIt(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            List<String> order = new CopyOnWriteArrayList<>();
            zk.getData("/w", event -> order.add("watch " + event.getType()), null);
            CountDownLatch written = new CountDownLatch(1);
            zk.setData("/w", new byte[1], -1, (rc, path, ctx, stat) -> {
                order.add("callback version=" + stat.getVersion());
                written.countDown();
            }, null);

            assertThat(written.await(EventLog.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(order).containsExactly("watch NodeDataChanged", "callback version=1");
        }
    }

    @AgainstEachTarget
    void removeWatchesDeliversDataWatchRemovedAndSilencesTheWatch(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            var own = new EventLog();
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getData("/w", own, null);
            zk.removeWatches("/w", own, WatcherType.Data, false);
            zk.setData("/w", null, -1);

            own.expect(DataWatchRemoved, "/w");
            own.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void removeAllWatchesClearsEveryKindOnThePath(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.getData("/w", true, null);
            zk.getChildren("/w", true);
            zk.removeAllWatches("/w", WatcherType.Any, false);
            List<String> removed = log.drain(zk);
            zk.setData("/w", null, -1);
            zk.create("/w/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThat(removed).containsExactlyInAnyOrder("DataWatchRemoved /w", "ChildWatchRemoved /w");
            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void removingAbsentWatchFailsWithNoWatcher(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThatThrownBy(() -> zk.removeAllWatches("/w", WatcherType.Data, false))
                    .isInstanceOf(KeeperException.NoWatcherException.class);
            assertThatThrownBy(() -> zk.removeWatches("/w", new EventLog(), WatcherType.Children, false))
                    .isInstanceOf(KeeperException.NoWatcherException.class);
        }
    }

    @AgainstEachTarget
    void watchesOfSeveralSessionsAllFire(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var first = new EventLog();
            var second = new EventLog();
            ZooKeeper a = sessions.open(first);
            ZooKeeper b = sessions.open(second);
            a.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            a.exists("/w", true);
            b.getData("/w", true, null);
            b.delete("/w", -1);

            first.expect(NodeDeleted, "/w");
            second.expect(NodeDeleted, "/w");
        }
    }
}
