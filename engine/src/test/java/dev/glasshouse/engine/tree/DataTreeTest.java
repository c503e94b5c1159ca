package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.Stat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataTreeTest {
    private static final long SESSION = 0x0100_0000_0000_0001L;
    private static final long OTHER = 0x0100_0000_0000_0002L;

    private final DataTree tree = new DataTree();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Builds the create transaction preparation would: the parent's persisted cversion plus one. */
    private CreateTxn createTxn(String path, String data, long owner) {
        NodeState parent = tree.find(PathRules.parent(path)).orElseThrow();
        return new CreateTxn(OpCode.CREATE2.code(), path, data == null ? null : bytes(data), Acl.OPEN_ACL_UNSAFE,
                owner, parent.cversion() + 1);
    }

    private Applied create(String path, long zxid, long owner) {
        return tree.apply(SESSION, zxid, 1000 * zxid, createTxn(path, "", owner));
    }

    private Stat stat(String path) {
        return tree.node(path).orElseThrow().stat();
    }

    static Stream<Arguments> systemNodes() {
        return Stream.of(
                Arguments.of("/", -1, 0, 1, Acl.OPEN_ACL_UNSAFE),
                Arguments.of("/zookeeper", -2, 0, 2, Acl.OPEN_ACL_UNSAFE),
                Arguments.of("/zookeeper/quota", 0, 0, 0, Acl.OPEN_ACL_UNSAFE),
                Arguments.of("/zookeeper/config", 0, -1, 0, Acl.READ_ACL_UNSAFE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systemNodes")
    void freshTreeHasZooKeeperSystemNodesWithTheirStats(String path, int cversion, int aversion, int numChildren,
                                                         List<Acl> acl) {
        Znode node = tree.node(path).orElseThrow();
        assertThat(node.stat()).isEqualTo(new Stat(0, 0, 0, 0, 0, cversion, aversion, 0, 0, numChildren, 0));
        assertThat(node.acl()).isEqualTo(acl);
        assertThat(node.data()).isEmpty();
        assertThat(tree.nodeCount()).isEqualTo(4);
    }

    @Test
    void createSetsStatAndBumpsParentCversionAndPzxid() {
        Applied applied = tree.apply(SESSION, 2, 5000, createTxn("/a", "hello", 0));

        assertThat(applied.result()).isEqualTo(new TxnResult.Created(OpCode.CREATE2.code(), "/a",
                new Stat(2, 2, 5000, 5000, 0, 0, 0, 0, 5, 0, 2)));
        assertThat(applied.changes()).containsExactly(new TreeChange(EventType.NODE_CREATED, "/a", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CHILDREN_CHANGED, "/", Acl.OPEN_ACL_UNSAFE));
        assertThat(stat("/")).isEqualTo(new Stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2));
        assertThat(tree.node("/a").orElseThrow().data()).isEqualTo(bytes("hello"));
    }

    @Test
    void clientVisibleCversionCountsCreatesAndDeletes() {
        create("/a", 2, 0);
        create("/a/q1", 3, 0);
        create("/a/q2", 4, 0);
        tree.apply(SESSION, 5, 5000, new DeleteTxn("/a/q1"));
        create("/a/q3", 6, 0);

        Stat parent = stat("/a");
        assertThat(parent.cversion()).isEqualTo(4);
        assertThat(parent.numChildren()).isEqualTo(2);
        assertThat(parent.pzxid()).isEqualTo(6);
        assertThat(parent.mzxid()).isEqualTo(2);
        assertThat(tree.find("/a").orElseThrow().cversion()).isEqualTo(3);
    }

    @Test
    void deleteBumpsParentPzxidAndVisibleCversionButNotMzxid() {
        create("/a", 2, 0);
        create("/a/b", 3, 0);

        Applied applied = tree.apply(SESSION, 4, 4000, new DeleteTxn("/a/b"));

        assertThat(applied.result()).isEqualTo(new TxnResult.Deleted("/a/b"));
        assertThat(applied.changes()).containsExactly(new TreeChange(EventType.NODE_DELETED, "/a/b", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CHILDREN_CHANGED, "/a", Acl.OPEN_ACL_UNSAFE));
        assertThat(tree.node("/a/b")).isEmpty();
        assertThat(stat("/a")).isEqualTo(new Stat(2, 2, 2000, 2000, 0, 2, 0, 0, 0, 0, 4));
    }

    @Test
    void setDataChangesVersionMzxidMtimeAndLengthOnly() {
        create("/a", 2, 0);
        create("/a/b", 3, 0);

        Applied applied = tree.apply(SESSION, 4, 9000, new SetDataTxn("/a", bytes("abc"), 1));

        Stat expected = new Stat(2, 4, 2000, 9000, 1, 1, 0, 0, 3, 1, 3);
        assertThat(applied.result()).isEqualTo(new TxnResult.DataSet("/a", expected));
        assertThat(applied.changes()).containsExactly(new TreeChange(EventType.NODE_DATA_CHANGED, "/a", Acl.OPEN_ACL_UNSAFE));
        assertThat(stat("/")).extracting(Stat::cversion, Stat::pzxid).containsExactly(0, 2L);
    }

    @Test
    void setDataOnChildDoesNotTouchParent() {
        create("/a", 2, 0);
        create("/a/b", 3, 0);
        Stat before = stat("/a");

        tree.apply(SESSION, 4, 9000, new SetDataTxn("/a/b", bytes("x"), 1));

        assertThat(stat("/a")).isEqualTo(before);
    }

    @Test
    void setAclChangesAversionButNotMzxidAndFiresNothing() {
        create("/a", 2, 0);
        List<Acl> acl = List.of(new Acl(Perms.READ, new Id("ip", "10.0.0.0/8")));

        Applied applied = tree.apply(SESSION, 3, 9000, new SetAclTxn("/a", acl, 1));

        assertThat(applied.result()).isEqualTo(new TxnResult.AclSet("/a",
                new Stat(2, 2, 2000, 2000, 0, 0, 1, 0, 0, 0, 2)));
        assertThat(applied.changes()).isEmpty();
        assertThat(tree.node("/a").orElseThrow().acl()).isEqualTo(acl);
    }

    @Test
    void nullDataHasLengthZero() {
        tree.apply(SESSION, 2, 0, createTxn("/n", null, 0));

        assertThat(tree.node("/n").orElseThrow().data()).isNull();
        assertThat(stat("/n").dataLength()).isZero();
    }

    static Stream<Arguments> ownerKinds() {
        return Stream.of(
                Arguments.of(0L, NodeKind.PERSISTENT, 0L),
                Arguments.of(SESSION, NodeKind.EPHEMERAL, SESSION),
                Arguments.of(NodeKind.CONTAINER_OWNER, NodeKind.CONTAINER, 0L),
                Arguments.of(NodeKind.ttlOwner(5000), NodeKind.TTL, 0L));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("ownerKinds")
    void createIndexesNodeByKindAndDeleteUnindexes(long owner, NodeKind kind, long visibleOwner) {
        create("/k", 2, owner);

        assertThat(tree.node("/k").orElseThrow().kind()).isEqualTo(kind);
        assertThat(stat("/k").ephemeralOwner()).isEqualTo(visibleOwner);
        assertThat(tree.ephemerals(SESSION)).isEqualTo(kind == NodeKind.EPHEMERAL ? List.of("/k") : List.of());
        assertThat(tree.containers()).isEqualTo(kind == NodeKind.CONTAINER ? Set.of("/k") : Set.of());
        assertThat(tree.ttlNodes()).isEqualTo(kind == NodeKind.TTL ? Set.of("/k") : Set.of());

        tree.apply(SESSION, 3, 0, new DeleteTxn("/k"));

        assertThat(tree.ephemerals(SESSION)).isEmpty();
        assertThat(tree.ephemeralsBySession()).isEmpty();
        assertThat(tree.containers()).isEmpty();
        assertThat(tree.ttlNodes()).isEmpty();
    }

    @Test
    void closeSessionDeletesOnlyThatSessionsEphemerals() {
        create("/a", 2, 0);
        create("/a/e2", 3, SESSION);
        create("/e1", 4, SESSION);
        create("/o", 5, OTHER);

        Applied applied = tree.apply(SESSION, 6, 0, new CloseSessionTxn());

        assertThat(applied.result()).isEqualTo(new TxnResult.SessionClosed(SESSION));
        assertThat(applied.changes()).containsExactly(
                new TreeChange(EventType.NODE_DELETED, "/a/e2", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CHILDREN_CHANGED, "/a", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_DELETED, "/e1", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CHILDREN_CHANGED, "/", Acl.OPEN_ACL_UNSAFE));
        assertThat(tree.node("/e1")).isEmpty();
        assertThat(tree.node("/a/e2")).isEmpty();
        assertThat(stat("/a").pzxid()).isEqualTo(6);
        assertThat(tree.ephemerals(SESSION)).isEmpty();
        assertThat(tree.ephemerals(OTHER)).containsExactly("/o");
        assertThat(tree.ephemeralsBySession()).containsOnlyKeys(OTHER);
    }

    @Test
    void createSessionChangesNoNode() {
        Applied applied = tree.apply(SESSION, 1, 0, new CreateSessionTxn(30000, new byte[16]));

        assertThat(applied.result()).isEqualTo(new TxnResult.SessionCreated(SESSION));
        assertThat(applied.changes()).isEmpty();
        assertThat(tree.nodeCount()).isEqualTo(4);
    }

    @Test
    void containerIsReapableOnlyAfterItHadChildrenAndLostThem() {
        create("/c", 2, NodeKind.CONTAINER_OWNER);
        assertThat(tree.reapable(Long.MAX_VALUE, 10)).isEmpty();

        create("/c/x", 3, 0);
        assertThat(tree.reapable(Long.MAX_VALUE, 10)).isEmpty();

        tree.apply(SESSION, 4, 0, new DeleteTxn("/c/x"));
        assertThat(tree.reapable(0, 10)).containsExactly("/c");
    }

    @Test
    void ttlNodeIsReapableWhenChildlessAndUnchangedLongerThanItsTtl() {
        tree.apply(SESSION, 2, 10_000, createTxn("/t", "", NodeKind.ttlOwner(1000)));

        assertThat(tree.reapable(11_000, 10)).isEmpty();
        assertThat(tree.reapable(11_001, 10)).containsExactly("/t");

        tree.apply(SESSION, 3, 20_000, new SetDataTxn("/t", bytes("x"), 1));
        assertThat(tree.reapable(20_500, 10)).isEmpty();
        assertThat(tree.reapable(21_001, 10)).containsExactly("/t");

        tree.apply(SESSION, 4, 20_000, createTxn("/t/child", "", 0));
        assertThat(tree.reapable(99_000, 10)).isEmpty();
    }

    @Test
    void reapableStopsAtMax() {
        for (int i = 0; i < 3; i++) {
            tree.apply(SESSION, 2 + i, 0, createTxn("/t" + i, "", NodeKind.ttlOwner(1)));
        }
        assertThat(tree.reapable(100, 2)).containsExactly("/t0", "/t1");
        assertThat(tree.reapable(100, 0)).isEmpty();
    }

    @Test
    void multiAppliesEverySubTransactionAtOneZxid() {
        MultiTxn multi = new MultiTxn(List.of(
                new CreateTxn(OpCode.CREATE.code(), "/m", bytes("1"), Acl.OPEN_ACL_UNSAFE, 0, 1),
                new CreateTxn(OpCode.CREATE2.code(), "/m/c", bytes("2"), Acl.OPEN_ACL_UNSAFE, 0, 1),
                new SetDataTxn("/m", bytes("one"), 1),
                new CheckVersionTxn("/m", 2)));

        Applied applied = tree.apply(SESSION, 7, 700, multi);

        assertThat(applied.result()).isEqualTo(new TxnResult.Multi(List.of(
                new TxnResult.Created(OpCode.CREATE.code(), "/m", new Stat(7, 7, 700, 700, 0, 0, 0, 0, 1, 0, 7)),
                new TxnResult.Created(OpCode.CREATE2.code(), "/m/c", new Stat(7, 7, 700, 700, 0, 0, 0, 0, 1, 0, 7)),
                new TxnResult.DataSet("/m", new Stat(7, 7, 700, 700, 1, 1, 0, 0, 3, 1, 7)),
                new TxnResult.Checked("/m"))));
        assertThat(applied.changes()).containsExactly(
                new TreeChange(EventType.NODE_CREATED, "/m", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CHILDREN_CHANGED, "/", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CREATED, "/m/c", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_CHILDREN_CHANGED, "/m", Acl.OPEN_ACL_UNSAFE),
                new TreeChange(EventType.NODE_DATA_CHANGED, "/m", Acl.OPEN_ACL_UNSAFE));
    }

    @Test
    void failedMultiChangesNothingAndReportsEachOperation() {
        create("/a", 2, 0);
        MultiTxn failed = new MultiTxn(List.of(new ErrorTxn(ErrorCode.OK), new ErrorTxn(ErrorCode.BAD_VERSION),
                new ErrorTxn(ErrorCode.RUNTIME_INCONSISTENCY)));

        Applied applied = tree.apply(SESSION, 3, 0, failed);

        assertThat(applied.result()).isEqualTo(new TxnResult.Multi(List.of(new TxnResult.Failed(ErrorCode.OK),
                new TxnResult.Failed(ErrorCode.BAD_VERSION), new TxnResult.Failed(ErrorCode.RUNTIME_INCONSISTENCY))));
        assertThat(applied.changes()).isEmpty();
        assertThat(tree.nodeCount()).isEqualTo(5);
        assertThat(stat("/a").mzxid()).isEqualTo(2);
    }

    @Test
    void errorTxnChangesNothing() {
        Applied applied = tree.apply(SESSION, 2, 0, new ErrorTxn(ErrorCode.NODE_EXISTS));

        assertThat(applied.result()).isEqualTo(new TxnResult.Failed(ErrorCode.NODE_EXISTS));
        assertThat(applied.changes()).isEmpty();
    }

    @Test
    void descendantCountIncludesEveryLevel() {
        create("/a", 2, 0);
        create("/a/b", 3, 0);
        create("/a/b/c", 4, 0);
        create("/a/d", 5, 0);

        assertThat(tree.descendantCount("/a")).isEqualTo(3);
        assertThat(tree.descendantCount("/")).isEqualTo(7);
        assertThat(tree.descendantCount("/missing")).isZero();
    }

    static Stream<Arguments> brokenTransactions() {
        return Stream.of(
                Arguments.of("create of existing node", new CreateTxn(1, "/a", null, List.of(), 0, 9)),
                Arguments.of("create under missing parent", new CreateTxn(1, "/x/y", null, List.of(), 0, 1)),
                Arguments.of("delete of non-empty node", new DeleteTxn("/a")),
                Arguments.of("delete of missing node", new DeleteTxn("/missing")),
                Arguments.of("setData of missing node", new SetDataTxn("/missing", null, 1)),
                Arguments.of("setACL of missing node", new SetAclTxn("/missing", List.of(), 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTransactions")
    void transactionThatContradictsTheTreeIsABrokenInvariant(String name, Txn txn) {
        create("/a", 2, 0);
        create("/a/b", 3, 0);

        assertThatThrownBy(() -> tree.apply(SESSION, 4, 0, txn)).isInstanceOf(IllegalStateException.class);
    }
}
