package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshot images of the tree and the tolerant replay that fuzzy snapshots need. */
class DataTreeReplayTest {
    private static DataTree treeWithNodes() {
        DataTree tree = new DataTree();
        tree.apply(0, 1, 10, new CreateTxn(1, "/a", new byte[] {1}, Acl.OPEN_ACL_UNSAFE, 0, 1));
        tree.apply(0, 2, 20, new CreateTxn(1, "/a/b", null, Acl.READ_ACL_UNSAFE, 0x55, 1));
        tree.apply(0, 3, 30, new SetDataTxn("/a", new byte[] {2}, 1));
        tree.apply(0, 4, 40, new CreateTxn(19, "/c", new byte[0], Acl.OPEN_ACL_UNSAFE, NodeKind.CONTAINER_OWNER, 2));
        return tree;
    }

    @Test
    void restoringImagesRebuildsStatsChildrenAndIndexes() {
        DataTree original = treeWithNodes();
        DataTree restored = DataTree.restore(original.images());
        for (NodeImage image : original.images()) {
            assertThat(restored.node(image.path()).orElseThrow().stat()).as(image.path())
                    .isEqualTo(original.node(image.path()).orElseThrow().stat());
        }
        assertThat(restored.images()).extracting(NodeImage::path)
                .containsExactly("/", "/a", "/a/b", "/c", "/zookeeper", "/zookeeper/config", "/zookeeper/quota");
        assertThat(restored.ephemerals(0x55)).containsExactly("/a/b");
        assertThat(restored.containers()).containsExactly("/c");
    }

    @Test
    void restoringANodeWithoutItsParentFails() {
        List<NodeImage> orphan = List.of(new NodeImage("/x/y", null, Acl.OPEN_ACL_UNSAFE, 1, 1, 1, 1, 0, 0, 0, 0, 1));
        assertThatThrownBy(() -> DataTree.restore(orphan)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/x/y");
    }

    static Stream<Arguments> alreadyReflected() {
        return Stream.of(
                Arguments.of(new CreateTxn(1, "/a", new byte[0], Acl.OPEN_ACL_UNSAFE, 0, 1), ErrorCode.NODE_EXISTS),
                Arguments.of(new CreateTxn(1, "/gone/x", new byte[0], Acl.OPEN_ACL_UNSAFE, 0, 1), ErrorCode.NO_NODE),
                Arguments.of(new DeleteTxn("/gone"), ErrorCode.NO_NODE),
                Arguments.of(new DeleteTxn("/a"), ErrorCode.NOT_EMPTY),
                Arguments.of(new SetDataTxn("/gone", new byte[0], 3), ErrorCode.NO_NODE),
                Arguments.of(new SetAclTxn("/gone", Acl.OPEN_ACL_UNSAFE, 1), ErrorCode.NO_NODE));
    }

    @ParameterizedTest
    @MethodSource("alreadyReflected")
    void replaySkipsWhatTheSnapshotAlreadyReflects(Txn txn, ErrorCode skipped) {
        DataTree tree = treeWithNodes();
        List<NodeImage> before = tree.images();
        Applied applied = tree.replay(0, 9, 90, txn);
        assertThat(applied.result()).isEqualTo(new TxnResult.Failed(skipped));
        assertThat(applied.changes()).isEmpty();
        assertThat(tree.images()).hasSameSizeAs(before);
    }

    @Test
    void replayedCreateOfAnExistingNodeStillAdvancesTheParentsCounter() {
        DataTree tree = treeWithNodes();
        tree.replay(0, 9, 90, new CreateTxn(1, "/a/b", null, Acl.OPEN_ACL_UNSAFE, 0, 5));
        assertThat(tree.find("/a").orElseThrow().cversion()).isEqualTo(5);
    }

    @Test
    void replayAppliesWhatTheSnapshotLacks() {
        DataTree tree = treeWithNodes();
        tree.replay(0, 9, 90, new MultiTxn(List.of(new CreateTxn(1, "/a", null, Acl.OPEN_ACL_UNSAFE, 0, 1),
                new CreateTxn(1, "/n", new byte[] {3}, Acl.OPEN_ACL_UNSAFE, 0, 3))));
        assertThat(tree.node("/n").orElseThrow().stat().czxid()).isEqualTo(9);
    }
}
