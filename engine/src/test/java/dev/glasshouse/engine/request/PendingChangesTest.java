package dev.glasshouse.engine.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.tree.NodeState;
import dev.glasshouse.engine.wire.Acl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingChangesTest {
    private static final long SESSION = 0x0100_0000_0000_0001L;

    private final Map<String, NodeState> tree = new HashMap<>();
    private final PendingChanges pending = new PendingChanges(path -> Optional.ofNullable(tree.get(path)));

    private static NodeState version(int version) {
        return new NodeState(Acl.OPEN_ACL_UNSAFE, version, 0, 0, 0, 0);
    }

    private static NodeState ephemeral(long owner) {
        return new NodeState(Acl.OPEN_ACL_UNSAFE, 0, 0, 0, owner, 0);
    }

    @Test
    void readsThroughToTheAppliedTreeWhenNothingIsPending() {
        tree.put("/a", version(3));

        assertThat(pending.find("/a")).contains(version(3));
        assertThat(pending.find("/b")).isEmpty();
        assertThat(pending.size()).isZero();
    }

    @Test
    void latestPendingChangeOverlaysTheTree() {
        tree.put("/a", version(0));
        pending.put(5, "/a", version(1));
        pending.put(6, "/a", version(2));
        pending.put(6, "/b", version(0));

        assertThat(pending.find("/a")).contains(version(2));
        assertThat(pending.find("/b")).contains(version(0));
        assertThat(pending.size()).isEqualTo(3);
    }

    @Test
    void pendingDeleteHidesAnAppliedNode() {
        tree.put("/a", version(0));
        pending.delete(5, "/a");

        assertThat(pending.find("/a")).isEmpty();
        assertThat(pending.isPendingDelete("/a")).isTrue();
        assertThat(pending.isPendingDelete("/b")).isFalse();
    }

    @Test
    void rollbackForgetsOnlyTheFailedZxidAndRestoresEarlierPendingState() {
        tree.put("/a", version(0));
        pending.put(5, "/a", version(1));
        pending.put(6, "/a", version(2));
        pending.put(6, "/new", version(0));
        pending.delete(6, "/a");

        pending.rollback(6);

        assertThat(pending.find("/a")).contains(version(1));
        assertThat(pending.find("/new")).isEmpty();
        assertThat(pending.isPendingDelete("/a")).isFalse();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void rollbackWithNothingEarlierFallsBackToTheTree() {
        tree.put("/a", version(0));
        pending.put(7, "/a", version(1));

        pending.rollback(7);

        assertThat(pending.find("/a")).contains(version(0));
        assertThat(pending.size()).isZero();
    }

    @Test
    void appliedDropsChangesUpToTheZxidAndKeepsLaterOnes() {
        pending.put(5, "/a", version(1));
        pending.put(6, "/a", version(2));
        pending.put(6, "/b", version(1));
        pending.put(7, "/c", version(1));
        tree.put("/a", version(1));

        pending.applied(5);

        assertThat(pending.find("/a")).contains(version(2));
        assertThat(pending.size()).isEqualTo(3);

        tree.put("/a", version(2));
        tree.put("/b", version(1));
        pending.applied(6);

        assertThat(pending.size()).isEqualTo(1);
        tree.put("/b", version(9));
        assertThat(pending.find("/b")).contains(version(9));
        assertThat(pending.find("/c")).contains(version(1));
    }

    @Test
    void appliedOfAnUnknownZxidKeepsLaterChanges() {
        pending.put(9, "/a", version(1));

        pending.applied(8);

        assertThat(pending.find("/a")).contains(version(1));
    }

    @Test
    void pendingEphemeralsAreTheSessionsCreatesNotDeletedAgain() {
        pending.put(5, "/e1", ephemeral(SESSION));
        pending.put(5, "/e2", ephemeral(SESSION));
        pending.put(6, "/other", ephemeral(SESSION + 1));
        pending.put(6, "/p", version(0));
        pending.delete(7, "/e2");

        assertThat(pending.pendingEphemerals(SESSION)).containsExactly("/e1");
        assertThat(pending.pendingEphemerals(SESSION + 1)).isEqualTo(List.of("/other"));
    }
}
