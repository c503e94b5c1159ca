package dev.glasshouse.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import dev.glasshouse.engine.wire.WatcherType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatchRegistryTest {
    private final WatchRegistry registry = new WatchRegistry();
    private final Watcher one = event -> { };
    private final Watcher two = event -> { };

    @Test
    void oneShotWatchesFireOnceAndPersistentOnesStay() {
        registry.add(WatchTable.DATA, "/a", one);
        registry.add(WatchTable.PERSISTENT, "/a", two);

        assertThat(registry.materialize(EventType.NODE_DATA_CHANGED, "/a")).containsExactly(one, two);
        assertThat(registry.materialize(EventType.NODE_DATA_CHANGED, "/a")).containsExactly(two);
    }

    @Test
    void aWatcherRegisteredTwiceHearsAChangeOnce() {
        registry.add(WatchTable.DATA, "/a", one);
        registry.add(WatchTable.CHILD, "/a", one);

        assertThat(registry.materialize(EventType.NODE_DELETED, "/a")).containsExactly(one);
    }

    @Test
    void recursiveWatchesHearDescendantsButNotChildListChanges() {
        registry.add(WatchTable.PERSISTENT_RECURSIVE, "/", one);

        assertThat(registry.materialize(EventType.NODE_CREATED, "/a/b")).containsExactly(one);
        assertThat(registry.materialize(EventType.NODE_CHILDREN_CHANGED, "/a")).isEmpty();
    }

    @Test
    void removingOneWatcherKeepsTheOthersAndNamesTheRemovalEvent() {
        registry.add(WatchTable.EXIST, "/a", one);
        registry.add(WatchTable.EXIST, "/a", two);

        List<WatchDelivery> removed = registry.remove("/a", Optional.of(one), WatcherType.DATA);

        assertThat(removed).extracting(WatchDelivery::watcher).containsExactly(one);
        assertThat(removed.get(0).event().type()).isEqualTo(EventType.DATA_WATCH_REMOVED);
        assertThat(registry.contains("/a", Optional.of(two), WatcherType.ANY)).isTrue();
        assertThat(registry.contains("/a", Optional.of(one), WatcherType.DATA)).isFalse();
    }

    @Test
    void setWatchesIsBatchedBy128KilobytesOfPathsAndUsesVersion2OnlyForPersistentWatches() {
        String longName = "/" + "x".repeat(1000);
        for (int i = 0; i < 300; i++) {
            registry.add(WatchTable.DATA, longName + i, one);
        }
        assertThat(SetWatchesBatcher.opFor(registry)).isEqualTo(OpCode.SET_WATCHES);

        List<SetWatchesRequest> batches = SetWatchesBatcher.batches(registry, 7, new Chroot("/app"));

        assertThat(batches).hasSize(3);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.relativeZxid()).isEqualTo(7));
        assertThat(batches.stream().mapToInt(batch -> batch.dataWatches().size()).sum()).isEqualTo(300);
        assertThat(batches.get(0).dataWatches().get(0)).startsWith("/app/xxx");
        registry.add(WatchTable.PERSISTENT_RECURSIVE, "/r", one);
        assertThat(SetWatchesBatcher.opFor(registry)).isEqualTo(OpCode.SET_WATCHES2);
    }
}
