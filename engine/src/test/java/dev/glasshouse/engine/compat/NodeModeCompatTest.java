package dev.glasshouse.engine.compat;

import static org.apache.zookeeper.Watcher.Event.EventType.NodeDeleted;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** Sequential naming, ephemeral lifetime, containers and TTL nodes. */
class NodeModeCompatTest {

    @AgainstEachTarget
    void sequentialNamesUseTheParentsCounterAndAreNeverReused(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            String first = zk.create("/q/n-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            String second = zk.create("/q/n-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            zk.delete(second, -1);
            zk.create("/q/plain", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            String afterDeleteAndCreate = zk.create("/q/n-", null, Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL);
            String bare = zk.create("/q/", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);

            assertThat(first).isEqualTo("/q/n-0000000000");
            assertThat(second).isEqualTo("/q/n-0000000001");
            assertThat(afterDeleteAndCreate).isEqualTo("/q/n-0000000003");
            assertThat(bare).isEqualTo("/q/0000000004");
        }
    }

    @AgainstEachTarget
    void sequentialCountersArePerParent(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/a/x-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);

            assertThat(zk.create("/b/x-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL))
                    .isEqualTo("/b/x-0000000000");
        }
    }

    @AgainstEachTarget
    void ephemeralsVanishWhenTheirSessionCloses(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper owner = sessions.open();
            var watcherLog = new EventLog();
            ZooKeeper watcher = sessions.open(watcherLog);
            owner.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            owner.create("/keep", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            watcher.exists("/eph", true);

            owner.close();

            watcherLog.expect(NodeDeleted, "/eph");
            assertThat(watcher.exists("/eph", false)).isNull();
            assertThat(watcher.exists("/keep", false)).isNotNull();
        }
    }

    @AgainstEachTarget
    void containerIsDeletedAfterItsLastChildGoes(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/cont", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            zk.create("/cont/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/cont/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.delete("/cont/a", -1);
            zk.exists("/cont", true);
            zk.delete("/cont/b", -1);

            log.expect(NodeDeleted, "/cont");
            assertThat(zk.exists("/cont", false)).isNull();
        }
    }

    @AgainstEachTarget
    void containerThatNeverHadChildrenIsKept(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/unused", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            // Two emptied containers, reaped one after the other, prove at least one full check ran
            // after /unused existed: every pass looks at all containers before deleting any.
            for (String marker : new String[] {"/marker1", "/marker2"}) {
                zk.create(marker, null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
                zk.create(marker + "/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                zk.exists(marker, true);
                zk.delete(marker + "/x", -1);
                log.expect(NodeDeleted, marker);
            }

            assertThat(zk.exists("/unused", false)).isNotNull();
        }
    }

    @AgainstEachTarget
    void ttlNodeIsDeletedAfterItsTtl(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            long startedNanos = System.nanoTime();
            zk.create("/ttl", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 300);
            zk.exists("/ttl", true);

            log.expect(NodeDeleted, "/ttl");
            assertThat((System.nanoTime() - startedNanos) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @AgainstEachTarget
    void ttlNodeWithChildrenIsKeptUntilTheyGo(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.create("/ttl", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 200);
            zk.create("/ttl/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/probe", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 200);
            zk.exists("/probe", true);
            log.expect(NodeDeleted, "/probe");

            assertThat(zk.exists("/ttl", false)).isNotNull();
            zk.exists("/ttl", true);
            zk.delete("/ttl/child", -1);
            log.expect(NodeDeleted, "/ttl");
        }
    }
}
