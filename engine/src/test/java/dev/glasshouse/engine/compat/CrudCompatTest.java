package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** Create, read, update and delete through the official ZooKeeper client, with and without versions. */
class CrudCompatTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @AgainstEachTarget
    void createdNodeReturnsItsPathAndData(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            String path = zk.create("/app", bytes("hello"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat stat = new Stat();
            byte[] data = zk.getData("/app", false, stat);

            assertThat(path).isEqualTo("/app");
            assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(stat.getDataLength()).isEqualTo(5);
            assertThat(stat.getVersion()).isZero();
        }
    }

    @AgainstEachTarget
    void createWithStatReturnsTheNewNodesStat(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            Stat created = new Stat();
            zk.create("/app", bytes("abc"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, created);

            assertThat(created).isEqualTo(zk.exists("/app", false));
            assertThat(created.getCzxid()).isPositive();
        }
    }

    @AgainstEachTarget
    void emptyAndNullDataReadBackAsEmptyOrNull(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/empty", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/null", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThat(zk.getData("/empty", false, null)).isEmpty();
            assertThat(zk.getData("/null", false, null)).isNull();
            assertThat(zk.exists("/null", false).getDataLength()).isZero();
        }
    }

    @AgainstEachTarget
    void setDataWithMatchingVersionBumpsVersion(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", bytes("v0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat first = zk.setData("/app", bytes("v1"), 0);
            Stat second = zk.setData("/app", bytes("v22"), -1);

            assertThat(first.getVersion()).isEqualTo(1);
            assertThat(second.getVersion()).isEqualTo(2);
            assertThat(second.getDataLength()).isEqualTo(3);
            assertThat(zk.getData("/app", false, null)).isEqualTo(bytes("v22"));
        }
    }

    @AgainstEachTarget
    void setDataWithStaleVersionFailsWithBadVersionAndKeepsData(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", bytes("v0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/app", bytes("v1"), 0);

            assertThatThrownBy(() -> zk.setData("/app", bytes("lost"), 0))
                    .isInstanceOf(KeeperException.BadVersionException.class);
            assertThat(zk.getData("/app", false, null)).isEqualTo(bytes("v1"));
        }
    }

    @AgainstEachTarget
    void deleteWithMatchingVersionRemovesNode(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", bytes("v0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.setData("/app", bytes("v1"), -1);

            assertThatThrownBy(() -> zk.delete("/app", 0)).isInstanceOf(KeeperException.BadVersionException.class);
            zk.delete("/app", 1);
            assertThat(zk.exists("/app", false)).isNull();
        }
    }

    @AgainstEachTarget
    void childrenListsDirectChildrenOnly(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/app/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/app/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/app/a/deep", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat stat = new Stat();

            assertThat(zk.getChildren("/app", false, stat)).containsExactlyInAnyOrder("a", "b");
            assertThat(stat.getNumChildren()).isEqualTo(2);
            assertThat(zk.getChildren("/app/b", false)).isEmpty();
        }
    }

    @AgainstEachTarget
    void existsReturnsNullForMissingNode(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();

            assertThat(zk.exists("/missing", false)).isNull();
        }
    }

    @AgainstEachTarget
    void writesOfOneSessionAreVisibleToAnotherAfterSync(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper writer = sessions.open();
            ZooKeeper reader = sessions.open();
            writer.create("/shared", bytes("x"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            reader.sync("/shared");

            assertThat(reader.getData("/shared", false, null)).isEqualTo(bytes("x"));
        }
    }
}
