package dev.glasshouse.engine.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.tree.TreeChange;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.EventType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WatchTableTest {
    private static final long W1 = 1;
    private static final long W2 = 2;

    private final WatchTable table = new WatchTable();

    private static TreeChange change(EventType type, String path) {
        return new TreeChange(type, path, Acl.OPEN_ACL_UNSAFE);
    }

    /**
     * Which changes a single watch of a kind on {@code /a} is told about, and whether it is still
     * registered afterwards.
     */
    static Stream<Arguments> triggers() {
        return Stream.of(
                Arguments.of(WatchKind.DATA, EventType.NODE_CREATED, "/a", true, false),
                Arguments.of(WatchKind.DATA, EventType.NODE_DATA_CHANGED, "/a", true, false),
                Arguments.of(WatchKind.DATA, EventType.NODE_DELETED, "/a", true, false),
                Arguments.of(WatchKind.DATA, EventType.NODE_CHILDREN_CHANGED, "/a", false, true),
                Arguments.of(WatchKind.DATA, EventType.NODE_DATA_CHANGED, "/a/b", false, true),
                Arguments.of(WatchKind.DATA, EventType.NODE_DATA_CHANGED, "/ab", false, true),
                Arguments.of(WatchKind.CHILD, EventType.NODE_CHILDREN_CHANGED, "/a", true, false),
                Arguments.of(WatchKind.CHILD, EventType.NODE_DELETED, "/a", true, false),
                Arguments.of(WatchKind.CHILD, EventType.NODE_DATA_CHANGED, "/a", false, true),
                Arguments.of(WatchKind.CHILD, EventType.NODE_CREATED, "/a", false, true),
                Arguments.of(WatchKind.CHILD, EventType.NODE_CREATED, "/a/b", false, true),
                Arguments.of(WatchKind.PERSISTENT, EventType.NODE_CREATED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT, EventType.NODE_DATA_CHANGED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT, EventType.NODE_DELETED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT, EventType.NODE_CHILDREN_CHANGED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT, EventType.NODE_DATA_CHANGED, "/a/b", false, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_CREATED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_DATA_CHANGED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_DELETED, "/a", true, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_CREATED, "/a/b", true, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_DATA_CHANGED, "/a/b/c", true, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_DELETED, "/a/b", true, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_CHILDREN_CHANGED, "/a", false, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_CHILDREN_CHANGED, "/a/b", false, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_CREATED, "/ab", false, true),
                Arguments.of(WatchKind.PERSISTENT_RECURSIVE, EventType.NODE_CREATED, "/", false, true));
    }

    @ParameterizedTest(name = "{0} on /a, {1} {2}: fires={3} stays={4}")
    @MethodSource("triggers")
    void watchFiresForItsEventsAndOneShotsAreRemoved(WatchKind kind, EventType type, String path, boolean fires,
                                                    boolean stays) {
        table.add(kind, "/a", W1);

        List<WatchEvent> events = table.trigger(change(type, path));

        assertThat(events).isEqualTo(fires ? List.of(new WatchEvent(W1, type, path)) : List.of());
        assertThat(table.contains(kind, "/a", W1)).isEqualTo(stays);
        assertThat(table.size()).isEqualTo(stays ? 1 : 0);
        assertThat(table.pathsByWatcher()).isEqualTo(stays ? Map.of(W1, Set.of("/a")) : Map.of());
    }

    @Test
    void recursiveWatchOnRootCoversEveryNode() {
        table.add(WatchKind.PERSISTENT_RECURSIVE, "/", W1);

        assertThat(table.trigger(change(EventType.NODE_CREATED, "/x/y/z")))
                .containsExactly(new WatchEvent(W1, EventType.NODE_CREATED, "/x/y/z"));
        assertThat(table.trigger(change(EventType.NODE_CHILDREN_CHANGED, "/x/y"))).isEmpty();
    }

    @Test
    void watcherHoldingSeveralMatchingWatchesGetsOneEventPerChange() {
        table.add(WatchKind.DATA, "/a", W1);
        table.add(WatchKind.CHILD, "/a", W1);
        table.add(WatchKind.PERSISTENT, "/a", W1);
        table.add(WatchKind.PERSISTENT_RECURSIVE, "/", W1);
        table.add(WatchKind.PERSISTENT_RECURSIVE, "/a", W1);
        table.add(WatchKind.DATA, "/a", W1);

        assertThat(table.trigger(change(EventType.NODE_DELETED, "/a")))
                .containsExactly(new WatchEvent(W1, EventType.NODE_DELETED, "/a"));
        assertThat(table.contains(WatchKind.DATA, "/a", W1)).isFalse();
        assertThat(table.contains(WatchKind.CHILD, "/a", W1)).isFalse();
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void everyWatcherGetsItsOwnEventInRegistrationOrder() {
        table.add(WatchKind.DATA, "/a", W2);
        table.add(WatchKind.DATA, "/a", W1);
        table.add(WatchKind.PERSISTENT_RECURSIVE, "/", 3);

        assertThat(table.trigger(change(EventType.NODE_DATA_CHANGED, "/a"))).containsExactly(
                new WatchEvent(W2, EventType.NODE_DATA_CHANGED, "/a"),
                new WatchEvent(W1, EventType.NODE_DATA_CHANGED, "/a"),
                new WatchEvent(3, EventType.NODE_DATA_CHANGED, "/a"));
    }

    @Test
    void oneShotWatchFiresOnlyOnce() {
        table.add(WatchKind.DATA, "/a", W1);

        assertThat(table.trigger(change(EventType.NODE_DATA_CHANGED, "/a"))).hasSize(1);
        assertThat(table.trigger(change(EventType.NODE_DATA_CHANGED, "/a"))).isEmpty();
    }

    @Test
    void firingDataWatchKeepsTheChildWatchOnTheSamePathIndexed() {
        table.add(WatchKind.DATA, "/a", W1);
        table.add(WatchKind.CHILD, "/a", W1);

        table.trigger(change(EventType.NODE_DATA_CHANGED, "/a"));

        assertThat(table.pathsByWatcher()).isEqualTo(Map.of(W1, Set.of("/a")));
        assertThat(table.trigger(change(EventType.NODE_CHILDREN_CHANGED, "/a")))
                .containsExactly(new WatchEvent(W1, EventType.NODE_CHILDREN_CHANGED, "/a"));
        assertThat(table.pathsByWatcher()).isEmpty();
    }

    @Test
    void removeDropsOneRegistrationAndCleansTheIndex() {
        table.add(WatchKind.DATA, "/a", W1);
        table.add(WatchKind.PERSISTENT, "/a", W1);
        table.add(WatchKind.DATA, "/a", W2);

        assertThat(table.remove(WatchKind.CHILD, "/a", W1)).isFalse();
        assertThat(table.remove(WatchKind.DATA, "/a", W1)).isTrue();
        assertThat(table.remove(WatchKind.DATA, "/a", W1)).isFalse();
        assertThat(table.pathsByWatcher()).isEqualTo(Map.of(W1, Set.of("/a"), W2, Set.of("/a")));

        assertThat(table.remove(WatchKind.PERSISTENT, "/a", W1)).isTrue();
        assertThat(table.pathsByWatcher()).isEqualTo(Map.of(W2, Set.of("/a")));
        assertThat(table.trigger(change(EventType.NODE_DATA_CHANGED, "/a")))
                .containsExactly(new WatchEvent(W2, EventType.NODE_DATA_CHANGED, "/a"));
    }

    @Test
    void removeWatcherDropsEveryKindOfThatWatcherOnly() {
        for (WatchKind kind : WatchKind.values()) {
            table.add(kind, "/a", W1);
            table.add(kind, "/b", W1);
            table.add(kind, "/a", W2);
        }

        table.removeWatcher(W1);

        assertThat(table.size()).isEqualTo(4);
        assertThat(table.pathsByWatcher()).isEqualTo(Map.of(W2, Set.of("/a")));
        assertThat(table.trigger(change(EventType.NODE_DATA_CHANGED, "/b"))).isEmpty();
        assertThat(table.trigger(change(EventType.NODE_DELETED, "/a")))
                .containsExactly(new WatchEvent(W2, EventType.NODE_DELETED, "/a"));
        table.removeWatcher(W2);
        table.removeWatcher(W2);
        assertThat(table.size()).isZero();
        assertThat(table.pathsByWatcher()).isEmpty();
    }

    @Test
    void addingTheSameWatchTwiceRegistersOnce() {
        table.add(WatchKind.DATA, "/a", W1);
        table.add(WatchKind.DATA, "/a", W1);

        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void rejectsChangesThatAreNotTreeEvents() {
        assertThatThrownBy(() -> table.trigger(change(EventType.NONE, "/a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
