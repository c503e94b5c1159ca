package dev.glasshouse.engine.client;

import static dev.glasshouse.engine.client.Await.failure;
import static dev.glasshouse.engine.client.Await.result;
import static dev.glasshouse.engine.client.Await.zkFailure;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ClientInfo;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.Stat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Znode operations of {@link ZkClient}: create, read, update, delete, ACLs, auth, chroot and
 * multi, checked against any ZooKeeper-compatible server. Each subclass names the server; the
 * reference server is the specification and Glasshouse must behave the same. One server per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
abstract class ClientOperationsContract {
    private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;

    private ZooKeeperEndpoint server;
    private ZkClient client;
    private String root;

    /** Starts the server under test, with its data in the directory. */
    abstract ZooKeeperEndpoint startEndpoint(Path dataDir);

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = startEndpoint(dataDir);
        client = ZkClient.connect(server.connectString(), 10_000);
        result(client.connected());
    }

    @AfterAll
    void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void createRoot(TestInfo test) {
        root = "/" + test.getTestMethod().orElseThrow().getName();
        result(client.create(root, new byte[0], OPEN, CreateMode.PERSISTENT));
    }

    @Test
    void createReadUpdateDeleteWithVersions() {
        String path = root + "/node";
        Created created = result(client.create(path, "v0".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT));
        assertThat(created.path()).isEqualTo(path);
        assertThat(created.stat().version()).isZero();
        assertThat(created.stat().czxid()).isEqualTo(created.stat().pzxid());

        NodeData data = result(client.getData(path));
        assertThat(new String(data.data(), UTF_8)).isEqualTo("v0");
        assertThat(data.stat()).isEqualTo(created.stat());

        Stat updated = result(client.setData(path, "v1".getBytes(UTF_8), 0));
        assertThat(updated.version()).isEqualTo(1);
        ZkException stale = zkFailure(client.setData(path, "v2".getBytes(UTF_8), 0), ErrorCode.BAD_VERSION);
        assertThat(stale.path()).contains(path);

        zkFailure(client.delete(path, 0), ErrorCode.BAD_VERSION);
        result(client.delete(path, 1));
        assertThat(result(client.exists(path))).isEmpty();
        zkFailure(client.getData(path), ErrorCode.NO_NODE);
    }

    @Test
    void errorCodesForExistingMissingAndNonEmptyNodes() {
        zkFailure(client.create(root, new byte[0], OPEN, CreateMode.PERSISTENT), ErrorCode.NODE_EXISTS);
        zkFailure(client.create(root + "/no/parent", new byte[0], OPEN, CreateMode.PERSISTENT), ErrorCode.NO_NODE);
        result(client.create(root + "/child", new byte[0], OPEN, CreateMode.PERSISTENT));
        zkFailure(client.delete(root, -1), ErrorCode.NOT_EMPTY);
        assertThat(failure(client.getData("relative"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sequentialNodesGetIncreasingSuffixesAndChildrenCarryTheParentStat() {
        Created first = result(client.create(root + "/q-", new byte[0], OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
        Created second = result(client.create(root + "/q-", new byte[0], OPEN, CreateMode.PERSISTENT_SEQUENTIAL));

        assertThat(first.path()).isEqualTo(root + "/q-0000000000");
        assertThat(second.path()).isEqualTo(root + "/q-0000000001");
        ChildrenAndStat children = result(client.getChildren2(root));
        assertThat(children.children()).containsExactlyInAnyOrder("q-0000000000", "q-0000000001");
        assertThat(children.stat().numChildren()).isEqualTo(2);
        assertThat(children.stat().cversion()).isEqualTo(2);
        assertThat(result(client.getChildren(root))).hasSize(2);
        assertThat(result(client.getAllChildrenNumber(root))).isEqualTo(2);
        assertThat(result(client.getAllChildrenNumber("/"))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void sequenceSuffixCountsEarlierCreatesUnderTheParentButNotDeletes() {
        result(client.create(root + "/gone", new byte[0], OPEN, CreateMode.PERSISTENT));
        result(client.delete(root + "/gone", -1));

        Created next = result(client.create(root + "/q-", new byte[0], OPEN, CreateMode.PERSISTENT_SEQUENTIAL));

        assertThat(next.path()).isEqualTo(root + "/q-0000000001");
    }

    @Test
    void childChangesMoveTheParentsChildVersionAndPzxidButNotItsDataVersion() {
        Stat before = result(client.exists(root)).orElseThrow();
        Created child = result(client.create(root + "/c", new byte[0], OPEN, CreateMode.PERSISTENT));
        Stat withChild = result(client.exists(root)).orElseThrow();
        Stat changed = result(client.setData(root + "/c", "abc".getBytes(UTF_8), -1));
        result(client.delete(root + "/c", -1));
        Stat after = result(client.exists(root)).orElseThrow();

        assertThat(withChild.pzxid()).isEqualTo(child.stat().czxid());
        assertThat(withChild.cversion()).isEqualTo(1);
        assertThat(withChild.numChildren()).isEqualTo(1);
        assertThat(changed.mzxid()).isGreaterThan(changed.czxid());
        assertThat(changed.dataLength()).isEqualTo(3);
        assertThat(changed.ctime()).isEqualTo(child.stat().ctime());
        assertThat(after.cversion()).isEqualTo(2);
        assertThat(after.numChildren()).isZero();
        assertThat(after.pzxid()).isGreaterThan(changed.mzxid());
        assertThat(after.mzxid()).isEqualTo(before.mzxid());
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void ephemeralNodesBelongToTheSessionAndAreListedByGetEphemerals() {
        Created ephemeral = result(client.create(root + "/e", new byte[0], OPEN, CreateMode.EPHEMERAL));
        result(client.create(root + "/s-", new byte[0], OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));

        assertThat(ephemeral.stat().ephemeralOwner()).isEqualTo(client.sessionId());
        assertThat(result(client.getEphemerals(root))).hasSize(2).contains(root + "/e");
        zkFailure(client.create(root + "/e/child", new byte[0], OPEN, CreateMode.PERSISTENT),
                ErrorCode.NO_CHILDREN_FOR_EPHEMERALS);
    }

    @Test
    void containerAndTtlNodesUseTheirOwnOpcodes() {
        Created container = result(client.create(root + "/c", new byte[0], OPEN, CreateMode.CONTAINER));
        assertThat(container.path()).isEqualTo(root + "/c");

        Created ttl = result(client.createTtl(root + "/t", new byte[0], OPEN, CreateMode.PERSISTENT_WITH_TTL, 60_000));
        assertThat(ttl.path()).isEqualTo(root + "/t");
        assertThat(result(client.getEphemerals(root))).isEmpty();
        Created ttlSequential = result(client.createTtl(root + "/ts-", new byte[0], OPEN,
                CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, 60_000));
        assertThat(ttlSequential.path()).startsWith(root + "/ts-000");
        assertThat(failure(client.createTtl(root + "/x", new byte[0], OPEN, CreateMode.PERSISTENT, 1000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aclsAreReadAndReplacedWithTheirVersion() {
        String path = root + "/acl";
        Acl readAndAdmin = new Acl(Perms.READ | Perms.ADMIN, Id.ANYONE);
        result(client.create(path, new byte[0], List.of(readAndAdmin), CreateMode.PERSISTENT));

        AclAndStat acl = result(client.getAcl(path));
        assertThat(acl.acl()).containsExactly(readAndAdmin);
        zkFailure(client.setData(path, new byte[1], -1), ErrorCode.NO_AUTH);
        zkFailure(client.setAcl(path, OPEN, 5), ErrorCode.BAD_VERSION);
        Stat changed = result(client.setAcl(path, OPEN, 0));
        assertThat(changed.aversion()).isEqualTo(1);
        result(client.setData(path, new byte[1], -1));
    }

    @Test
    void digestAuthIsReportedByWhoAmIAndGrantsAccess() {
        ZkClient other = ZkClient.connect(server.connectString(), 10_000);
        try {
            result(other.addAuth("digest", "bob:secret".getBytes(UTF_8)));
            assertThat(result(other.whoAmI())).contains(new ClientInfo("digest", "bob"));
            String path = root + "/private";
            result(other.create(path, new byte[0], List.of(new Acl(Perms.ALL, new Id("auth", ""))),
                    CreateMode.PERSISTENT));

            zkFailure(client.getData(path), ErrorCode.NO_AUTH);
            assertThat(result(other.getData(path)).data()).isEmpty();
        } finally {
            other.close();
        }
    }

    @Test
    void aSessionWithoutCredentialsIsKnownByItsIpAddress() {
        assertThat(result(client.whoAmI())).containsExactly(new ClientInfo("ip", "127.0.0.1"));
    }

    @Test
    void createWithAnEmptyAclFailsWithInvalidAcl() {
        zkFailure(client.create(root + "/bare", new byte[0], List.of(), CreateMode.PERSISTENT), ErrorCode.INVALID_ACL);
    }

    @Test
    void theSystemZnodeHoldsQuotaAndConfigAndTheRootIsOpen() {
        assertThat(result(client.getChildren("/zookeeper"))).containsExactlyInAnyOrder("quota", "config");
        assertThat(result(client.getAcl("/")).acl()).containsExactlyElementsOf(OPEN);
    }

    @Test
    void syncReturnsThePath() {
        assertThat(result(client.sync(root))).isEqualTo(root);
    }

    @Test
    void chrootIsInvisibleToTheApplication() {
        ZkClient rooted = ZkClient.connect(server.connectString() + root, 10_000);
        try {
            Created created = result(rooted.create("/a", "x".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT));
            Created sequential = result(rooted.create("/s-", new byte[0], OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));

            assertThat(created.path()).isEqualTo("/a");
            assertThat(sequential.path()).isEqualTo("/s-0000000001");
            assertThat(result(client.exists(root + "/a"))).isPresent();
            assertThat(result(rooted.getChildren("/"))).containsExactlyInAnyOrder("a", "s-0000000001");
            assertThat(result(rooted.getEphemerals("/"))).containsExactly("/s-0000000001");
            assertThat(result(rooted.sync("/a"))).isEqualTo("/a");
            List<MultiResult> results = result(rooted.multi(List.of(
                    Op.create("/m", new byte[0], OPEN, CreateMode.PERSISTENT), Op.check("/a", 0))));
            assertThat(((MultiResult.CreateResult) results.get(0)).path()).isEqualTo("/m");

            EventLog events = new EventLog();
            result(rooted.exists("/b", events));
            result(client.create(root + "/b", new byte[0], OPEN, CreateMode.PERSISTENT));
            events.next(dev.glasshouse.engine.wire.EventType.NODE_CREATED, "/b");
        } finally {
            rooted.close();
        }
    }

    @Test
    void multiCommitsAllOperationsAtomically() {
        String path = root + "/m";
        List<MultiResult> results = result(client.multi(List.of(
                Op.create(path, "a".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT),
                Op.setData(path, "b".getBytes(UTF_8), 0),
                Op.check(path, 1),
                Op.create(path + "/c", new byte[0], OPEN, CreateMode.CONTAINER),
                Op.delete(path + "/c", -1))));

        assertThat(results).hasSize(5);
        assertThat(results.get(0)).isInstanceOf(MultiResult.CreateResult.class);
        assertThat(((MultiResult.SetDataResult) results.get(1)).stat().version()).isEqualTo(1);
        assertThat(results.get(2)).isInstanceOf(MultiResult.CheckResult.class);
        assertThat(results.get(3)).isInstanceOf(MultiResult.CreateResult.class);
        assertThat(results.get(4)).isInstanceOf(MultiResult.DeleteResult.class);
        assertThat(new String(result(client.getData(path)).data(), UTF_8)).isEqualTo("b");
        assertThat(result(client.multi(List.of()))).isEmpty();
    }

    @Test
    void failedMultiChangesNothingAndReportsEveryResult() {
        String path = root + "/m";
        ZkException failed = zkFailure(client.multi(List.of(
                Op.create(path, new byte[0], OPEN, CreateMode.PERSISTENT),
                Op.check(root, 99),
                Op.delete(root + "/missing", -1))), ErrorCode.BAD_VERSION);

        assertThat(failed.path()).contains(root);
        assertThat(failed.results()).containsExactly(new MultiResult.ErrorResult(ErrorCode.OK),
                new MultiResult.ErrorResult(ErrorCode.BAD_VERSION),
                new MultiResult.ErrorResult(ErrorCode.RUNTIME_INCONSISTENCY));
        assertThat(result(client.exists(path))).isEmpty();
    }

    @Test
    void multiReadReportsEachOperationOnItsOwn() {
        result(client.create(root + "/a", "x".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT));

        List<MultiResult> results = result(client.multiRead(List.of(Op.getData(root + "/a"),
                Op.getChildren(root), Op.getData(root + "/missing"))));

        assertThat(((MultiResult.GetDataResult) results.get(0)).data().data()).isEqualTo("x".getBytes(UTF_8));
        assertThat(((MultiResult.GetChildrenResult) results.get(1)).children()).containsExactly("a");
        assertThat(results.get(2)).isEqualTo(new MultiResult.ErrorResult(ErrorCode.NO_NODE));
    }
}
