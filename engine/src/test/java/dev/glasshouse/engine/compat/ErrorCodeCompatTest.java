package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;

/** Every client-mistake error code a write or read can produce, as the official client reports it. */
class ErrorCodeCompatTest {

    @AgainstEachTarget
    void createFailsWithNoNodeWhenParentIsMissing(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();

            assertThatThrownBy(() -> zk.create("/missing/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                    .isInstanceOfSatisfying(KeeperException.class,
                            e -> assertThat(e.getPath()).isEqualTo("/missing/child"))
                    .isInstanceOf(KeeperException.NoNodeException.class);
        }
    }

    @AgainstEachTarget
    void createFailsWithNodeExistsWhenNodeExists(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThatThrownBy(() -> zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL))
                    .isInstanceOf(KeeperException.NodeExistsException.class);
        }
    }

    @AgainstEachTarget
    void readsAndWritesOfMissingNodeFailWithNoNode(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();

            assertThatThrownBy(() -> zk.getData("/none", false, null)).isInstanceOf(KeeperException.NoNodeException.class);
            assertThatThrownBy(() -> zk.getChildren("/none", false)).isInstanceOf(KeeperException.NoNodeException.class);
            assertThatThrownBy(() -> zk.setData("/none", null, -1)).isInstanceOf(KeeperException.NoNodeException.class);
            assertThatThrownBy(() -> zk.delete("/none", -1)).isInstanceOf(KeeperException.NoNodeException.class);
            assertThatThrownBy(() -> zk.getACL("/none", new Stat())).isInstanceOf(KeeperException.NoNodeException.class);
        }
    }

    @AgainstEachTarget
    void deleteFailsWithNotEmptyWhenNodeHasChildren(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create("/app/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThatThrownBy(() -> zk.delete("/app", -1)).isInstanceOf(KeeperException.NotEmptyException.class);
        }
    }

    @AgainstEachTarget
    void createUnderEphemeralFailsWithNoChildrenForEphemerals(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

            assertThatThrownBy(() -> zk.create("/eph/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                    .isInstanceOf(KeeperException.NoChildrenForEphemeralsException.class);
        }
    }

    @AgainstEachTarget
    void setAclWithStaleVersionFailsWithBadVersion(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            zk.create("/app", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            assertThatThrownBy(() -> zk.setACL("/app", Ids.READ_ACL_UNSAFE, 3))
                    .isInstanceOf(KeeperException.BadVersionException.class);
        }
    }

    @AgainstEachTarget
    void officialClientRejectsMalformedPathsBeforeSending(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();

            for (String bad : List.of("relative", "/trailing/", "/double//slash", "/dot/./x", "/dots/../x")) {
                assertThatThrownBy(() -> zk.create(bad, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                        .as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @AgainstEachTarget
    void serverRejectsMalformedCreatePathsWithBadArguments(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server);
             var raw = new RawRequestZooKeeper(server.connectString(), new EventLog())) {
            ZooKeeper zk = sessions.open();
            zk.create("/dir", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (String bad : List.of("relative", "", "/dir/", "/dir/.", "/dir/..", "/dir/\u0001")) {
                var request = new CreateRequest(bad, new byte[0], Ids.OPEN_ACL_UNSAFE, 0);

                assertThat(Code.get(raw.send(OpCode.create, request, null))).as("create %s", bad)
                        .isEqualTo(Code.BADARGUMENTS);
            }
        }
    }

    @AgainstEachTarget
    void malformedPathUnderMissingParentFailsWithNoNodeFirst(TargetServer server) throws Exception {
        try (var raw = new RawRequestZooKeeper(server.connectString(), new EventLog())) {
            // The reference looks the parent up before it validates the whole path.
            for (String bad : List.of("/double//slash", "/dir/./x", "/dir/../x")) {
                var request = new CreateRequest(bad, new byte[0], Ids.OPEN_ACL_UNSAFE, 0);

                assertThat(Code.get(raw.send(OpCode.create, request, null))).as("create %s", bad)
                        .isEqualTo(Code.NONODE);
            }
        }
    }

    @AgainstEachTarget
    void createTtlWithNonTtlModeFailsWithBadArguments(TargetServer server) throws Exception {
        try (var raw = new RawRequestZooKeeper(server.connectString(), new EventLog())) {
            var ephemeralWithTtl = new CreateTTLRequest("/ttl", new byte[0], Ids.OPEN_ACL_UNSAFE, 1, 1000);
            var zeroTtl = new CreateTTLRequest("/ttl", new byte[0], Ids.OPEN_ACL_UNSAFE, 5, 0);

            assertThat(Code.get(raw.send(OpCode.createTTL, ephemeralWithTtl, new Create2Response())))
                    .isEqualTo(Code.BADARGUMENTS);
            assertThat(Code.get(raw.send(OpCode.createTTL, zeroTtl, new Create2Response())))
                    .isEqualTo(Code.BADARGUMENTS);
        }
    }

    @AgainstEachTarget
    void digestProtectedNodeFailsWithNoAuthUntilTheUserAuthenticates(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper owner = sessions.open();
            ZooKeeper stranger = sessions.open();
            ZooKeeper impostor = sessions.open();
            owner.addAuthInfo("digest", Digests.credentials("bob", "secret"));
            owner.create("/vault", "gold".getBytes(), Digests.onlyFor("bob", "secret"), CreateMode.PERSISTENT);
            impostor.addAuthInfo("digest", Digests.credentials("bob", "guess"));

            assertThat(owner.getData("/vault", false, null)).isEqualTo("gold".getBytes());
            assertThatThrownBy(() -> stranger.getData("/vault", false, null))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> stranger.setData("/vault", null, -1))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> stranger.create("/vault/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> impostor.getData("/vault", false, null))
                    .isInstanceOf(KeeperException.NoAuthException.class);

            stranger.addAuthInfo("digest", Digests.credentials("bob", "secret"));
            assertThat(stranger.getData("/vault", false, null)).isEqualTo("gold".getBytes());
        }
    }

    @AgainstEachTarget
    void authSchemeAclIsReplacedByTheCreatorsDigestId(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper owner = sessions.open();
            ZooKeeper stranger = sessions.open();
            owner.addAuthInfo("digest", Digests.credentials("alice", "pw"));
            owner.create("/mine", null, Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);

            assertThat(owner.getACL("/mine", new Stat())).extracting(acl -> acl.getId())
                    .containsExactly(Digests.id("alice", "pw"));
            assertThatThrownBy(() -> stranger.getData("/mine", false, null))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
    }

    @AgainstEachTarget
    void authSchemeAclWithoutAuthenticationFailsWithInvalidAcl(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();

            assertThatThrownBy(() -> zk.create("/mine", null, Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT))
                    .isInstanceOf(KeeperException.InvalidACLException.class);
        }
    }
}
