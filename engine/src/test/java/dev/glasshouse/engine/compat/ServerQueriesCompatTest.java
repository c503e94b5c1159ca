package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ClientInfo;

/** getEphemerals, getAllChildrenNumber, whoAmI, sync and the reserved /zookeeper subtree. */
class ServerQueriesCompatTest {

    @AgainstEachTarget
    void getEphemeralsListsOnlyThisSessionsEphemeralsUnderThePrefix(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            ZooKeeper other = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/app/e1", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            zk.create("/apple", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            zk.create("/other", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            other.create("/app/theirs", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

            assertThat(zk.getEphemerals()).containsExactlyInAnyOrder("/app/e1", "/apple", "/other");
            assertThat(zk.getEphemerals("/app")).containsExactlyInAnyOrder("/app/e1", "/apple");
            assertThat(other.getEphemerals("/")).containsExactly("/app/theirs");
        }
    }

    @AgainstEachTarget
    void getAllChildrenNumberCountsEveryDescendant(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/t", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/t/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/t/a/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/t/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThat(zk.getAllChildrenNumber("/t")).isEqualTo(3);
            assertThat(zk.getAllChildrenNumber("/t/c")).isZero();
            assertThat(zk.getAllChildrenNumber("/")).as("includes /zookeeper, its config and quota").isEqualTo(7);
        }
    }

    @AgainstEachTarget
    void whoAmIReportsTheClientAddressAndDigestUsers(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            assertThat(zk.whoAmI()).extracting(ClientInfo::getAuthScheme, ClientInfo::getUser)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ip", "127.0.0.1"));

            zk.addAuthInfo("digest", Digests.credentials("bob", "secret"));

            assertThat(zk.whoAmI()).extracting(info -> info.getAuthScheme() + ":" + info.getUser())
                    .containsExactlyInAnyOrder("ip:127.0.0.1", "digest:bob");
        }
    }

    @AgainstEachTarget
    void syncEchoesThePathWhenDone(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/s", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            var done = new CompletableFuture<String>();
            zk.sync("/s", (rc, path, ctx) -> done.complete(Code.get(rc) + " " + path), null);

            assertThat(done.get(EventLog.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("OK /s");
        }
    }

    @AgainstEachTarget
    void freshServerHoldsOnlyTheReservedNodes(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();

            assertThat(zk.getChildren("/", false)).containsExactly("zookeeper");
            assertThat(zk.getChildren("/zookeeper", false)).containsExactlyInAnyOrder("config", "quota");
            assertThat(zk.getData("/zookeeper/config", false, null)).isEmpty();
            assertThat(zk.getChildren("/zookeeper/quota", false)).isEmpty();
            assertThat(zk.exists("/", false).getNumChildren()).isEqualTo(1);
        }
    }
}
