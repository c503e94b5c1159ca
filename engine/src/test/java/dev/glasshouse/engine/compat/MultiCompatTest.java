package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** multi (atomic writes) and multiRead (getData and getChildren in one round trip). */
class MultiCompatTest {

    @AgainstEachTarget
    void multiAppliesEveryOpAndReturnsOneResultEach(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/old", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            List<OpResult> results = zk.multi(List.of(
                    Op.create("/m", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.create("/m/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
                    Op.setData("/m", new byte[2], 0),
                    Op.check("/old", 0),
                    Op.delete("/old", 0)));

            assertThat(results).hasSize(5);
            assertThat(((OpResult.CreateResult) results.get(0)).getPath()).isEqualTo("/m");
            assertThat(((OpResult.CreateResult) results.get(1)).getPath()).isEqualTo("/m/s-0000000000");
            assertThat(((OpResult.SetDataResult) results.get(2)).getStat().getVersion()).isEqualTo(1);
            assertThat(results.get(3)).isInstanceOf(OpResult.CheckResult.class);
            assertThat(results.get(4)).isInstanceOf(OpResult.DeleteResult.class);
            assertThat(zk.exists("/old", false)).isNull();
        }
    }

    @AgainstEachTarget
    void opsOfOneMultiShareOneZxid(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.multi(List.of(
                    Op.create("/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.create("/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));

            assertThat(zk.exists("/a", false).getCzxid()).isEqualTo(zk.exists("/b", false).getCzxid());
        }
    }

    @AgainstEachTarget
    void failedMultiChangesNothingAndReportsPerOpResults(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            KeeperException failure = catchThrowableOfType(KeeperException.class, () -> zk.multi(List.of(
                    Op.create("/m", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.check("/a", 99),
                    Op.delete("/a", -1))));

            assertThat(failure.code()).isEqualTo(Code.BADVERSION);
            assertThat(failure.getResults()).extracting(result -> Code.get(((OpResult.ErrorResult) result).getErr()))
                    .containsExactly(Code.OK, Code.BADVERSION, Code.RUNTIMEINCONSISTENCY);
            assertThat(zk.exists("/m", false)).isNull();
            assertThat(zk.exists("/a", false)).isNotNull();
        }
    }

    @AgainstEachTarget
    void failedMultiFiresNoWatches(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper zk = sessions.open(log);
            zk.exists("/m", true);
            catchThrowableOfType(KeeperException.class, () -> zk.multi(List.of(
                    Op.create("/m", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.delete("/missing", -1))));

            log.expectNothingMore(zk);
        }
    }

    @AgainstEachTarget
    void multiReadReturnsDataChildrenAndPerOpErrors(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/r", "top".getBytes(), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/r/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/r/y", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            List<OpResult> results = zk.multi(List.of(
                    Op.getData("/r"),
                    Op.getChildren("/r"),
                    Op.getData("/missing"),
                    Op.getChildren("/r/x")));

            var data = (OpResult.GetDataResult) results.get(0);
            assertThat(data.getData()).isEqualTo("top".getBytes());
            assertThat(data.getStat().getNumChildren()).isEqualTo(2);
            assertThat(((OpResult.GetChildrenResult) results.get(1)).getChildren()).containsExactlyInAnyOrder("x", "y");
            assertThat(Code.get(((OpResult.ErrorResult) results.get(2)).getErr())).isEqualTo(Code.NONODE);
            assertThat(((OpResult.GetChildrenResult) results.get(3)).getChildren()).isEmpty();
        }
    }
}
