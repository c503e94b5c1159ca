package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** The Stat fields clients read: which write moves which zxid, version and count. */
class StatCompatTest {

    @AgainstEachTarget
    void newNodeHasEqualZxidsAndZeroVersions(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", new byte[7], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat stat = zk.exists("/app", false);

            assertThat(stat.getMzxid()).isEqualTo(stat.getCzxid());
            assertThat(stat.getPzxid()).isEqualTo(stat.getCzxid());
            assertThat(stat.getMtime()).isEqualTo(stat.getCtime());
            assertThat(stat.getVersion()).isZero();
            assertThat(stat.getCversion()).isZero();
            assertThat(stat.getAversion()).isZero();
            assertThat(stat.getEphemeralOwner()).isZero();
            assertThat(stat.getDataLength()).isEqualTo(7);
            assertThat(stat.getNumChildren()).isZero();
        }
    }

    @AgainstEachTarget
    void setDataMovesMzxidAndVersionOnly(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat before = zk.exists("/app", false);
            Stat after = zk.setData("/app", new byte[3], -1);

            assertThat(after.getCzxid()).isEqualTo(before.getCzxid());
            assertThat(after.getMzxid()).isGreaterThan(before.getMzxid());
            assertThat(after.getPzxid()).isEqualTo(before.getPzxid());
            assertThat(after.getVersion()).isEqualTo(1);
            assertThat(after.getCversion()).isZero();
            assertThat(after.getDataLength()).isEqualTo(3);
        }
    }

    @AgainstEachTarget
    void childCreatesAndDeletesMoveCversionAndPzxidButNotMzxid(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/parent", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat initial = zk.exists("/parent", false);
            Stat childA = new Stat();
            zk.create("/parent/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, childA);
            zk.create("/parent/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/parent/a", new byte[1], -1);
            Stat afterCreates = zk.exists("/parent", false);
            zk.delete("/parent/b", -1);
            Stat afterDelete = zk.exists("/parent", false);

            assertThat(afterCreates.getCversion()).isEqualTo(2);
            assertThat(afterCreates.getNumChildren()).isEqualTo(2);
            assertThat(afterCreates.getPzxid()).isGreaterThan(childA.getCzxid());
            assertThat(afterCreates.getMzxid()).isEqualTo(initial.getMzxid());
            assertThat(afterCreates.getVersion()).isZero();
            assertThat(afterDelete.getCversion()).isEqualTo(3);
            assertThat(afterDelete.getNumChildren()).isEqualTo(1);
            assertThat(afterDelete.getPzxid()).isGreaterThan(afterCreates.getPzxid());
            assertThat(afterDelete.getMzxid()).isEqualTo(initial.getMzxid());
        }
    }

    @AgainstEachTarget
    void pzxidOfParentIsTheCzxidOfTheLatestChild(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/parent", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat child = new Stat();
            zk.create("/parent/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, child);

            assertThat(zk.exists("/parent", false).getPzxid()).isEqualTo(child.getCzxid());
        }
    }

    @AgainstEachTarget
    void setAclMovesAversionOnly(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat before = zk.exists("/app", false);
            Stat after = zk.setACL("/app", Ids.OPEN_ACL_UNSAFE, 0);

            assertThat(after.getAversion()).isEqualTo(1);
            assertThat(after.getMzxid()).isEqualTo(before.getMzxid());
            assertThat(after.getVersion()).isZero();
            assertThat(after.getCversion()).isZero();
        }
    }

    @AgainstEachTarget
    void ephemeralOwnerIsTheSessionIdOnlyForEphemerals(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            zk.create("/cont", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            zk.create("/ttl", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 60_000);
            zk.create("/plain", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThat(zk.exists("/eph", false).getEphemeralOwner()).isEqualTo(zk.getSessionId());
            assertThat(zk.exists("/cont", false).getEphemeralOwner()).isZero();
            assertThat(zk.exists("/ttl", false).getEphemeralOwner()).isZero();
            assertThat(zk.exists("/plain", false).getEphemeralOwner()).isZero();
        }
    }

    @AgainstEachTarget
    void everySuccessfulWriteGetsALargerZxid(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            Stat created = new Stat();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, created);
            Stat first = zk.setData("/app", null, -1);
            Stat second = zk.setData("/app", null, -1);

            assertThat(created.getCzxid()).isLessThan(first.getMzxid());
            assertThat(first.getMzxid()).isLessThan(second.getMzxid());
        }
    }
}
