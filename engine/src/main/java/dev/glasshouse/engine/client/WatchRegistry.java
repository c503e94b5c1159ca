package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.KeeperState;
import dev.glasshouse.engine.wire.WatcherType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The watchers a session holds, by table and chroot-relative path, and the rules that pick the
 * watchers an event goes to (those of ZooKeeper's {@code ZKWatchManager}): one-shot watches are
 * removed as they fire, persistent ones stay, recursive ones also hear descendants except for
 * NodeChildrenChanged. Confined to the client's event-loop thread.
 */
final class WatchRegistry {
    private final Map<WatchTable, Map<String, Set<Watcher>>> tables = new EnumMap<>(WatchTable.class);

    WatchRegistry() {
        for (WatchTable table : WatchTable.values()) {
            tables.put(table, new LinkedHashMap<>());
        }
    }

    void add(WatchTable table, String path, Watcher watcher) {
        tables.get(table).computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
    }

    /** The watchers a server notification goes to, each once, removing the one-shot ones. */
    List<Watcher> materialize(EventType type, String path) {
        Set<Watcher> result = new LinkedHashSet<>();
        switch (type) {
            case NODE_CREATED, NODE_DATA_CHANGED -> {
                takeAll(WatchTable.DATA, path, result);
                takeAll(WatchTable.EXIST, path, result);
            }
            case NODE_CHILDREN_CHANGED -> takeAll(WatchTable.CHILD, path, result);
            case NODE_DELETED -> {
                takeAll(WatchTable.DATA, path, result);
                takeAll(WatchTable.EXIST, path, result);
                takeAll(WatchTable.CHILD, path, result);
            }
            default -> {
                return List.of();
            }
        }
        result.addAll(tables.get(WatchTable.PERSISTENT).getOrDefault(path, Set.of()));
        if (type != EventType.NODE_CHILDREN_CHANGED) {
            Map<String, Set<Watcher>> recursive = tables.get(WatchTable.PERSISTENT_RECURSIVE);
            for (String ancestor = path; ancestor != null; ancestor = parentOf(ancestor)) {
                result.addAll(recursive.getOrDefault(ancestor, Set.of()));
            }
        }
        return List.copyOf(result);
    }

    /** Whether removing watches of this type (of one watcher, or of all) on the path would remove anything. */
    boolean contains(String path, Optional<Watcher> watcher, WatcherType type) {
        for (WatchTable table : tablesOf(type)) {
            Set<Watcher> watchers = tables.get(table).getOrDefault(path, Set.of());
            if (watcher.map(watchers::contains).orElse(!watchers.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes one watcher (or all) of a type from the path and returns the removal events the
     * ZooKeeper client synthesises for them: ChildWatchRemoved, DataWatchRemoved, PersistentWatchRemoved.
     */
    List<WatchDelivery> remove(String path, Optional<Watcher> watcher, WatcherType type) {
        List<WatchDelivery> deliveries = new ArrayList<>();
        for (WatchTable table : tablesOf(type)) {
            for (Watcher removed : removeFrom(table, path, watcher)) {
                deliveries.add(new WatchDelivery(removed, new WatchEvent(removalEvent(table),
                        KeeperState.SYNC_CONNECTED, path)));
            }
        }
        return deliveries;
    }

    /** The paths of one table, for setWatches after a reconnect. */
    List<String> paths(WatchTable table) {
        return List.copyOf(tables.get(table).keySet());
    }

    boolean isEmpty() {
        return tables.values().stream().allMatch(Map::isEmpty);
    }

    void clear() {
        tables.values().forEach(Map::clear);
    }

    private void takeAll(WatchTable table, String path, Set<Watcher> into) {
        Set<Watcher> watchers = tables.get(table).remove(path);
        if (watchers != null) {
            into.addAll(watchers);
        }
    }

    private Set<Watcher> removeFrom(WatchTable table, String path, Optional<Watcher> watcher) {
        Map<String, Set<Watcher>> byPath = tables.get(table);
        Set<Watcher> present = byPath.get(path);
        if (present == null) {
            return Set.of();
        }
        if (watcher.isEmpty()) {
            byPath.remove(path);
            return present;
        }
        if (!present.remove(watcher.get())) {
            return Set.of();
        }
        if (present.isEmpty()) {
            byPath.remove(path);
        }
        return Set.of(watcher.get());
    }

    private static List<WatchTable> tablesOf(WatcherType type) {
        return switch (type) {
            case CHILDREN -> List.of(WatchTable.CHILD);
            case DATA -> List.of(WatchTable.DATA, WatchTable.EXIST);
            case PERSISTENT -> List.of(WatchTable.PERSISTENT);
            case PERSISTENT_RECURSIVE -> List.of(WatchTable.PERSISTENT_RECURSIVE);
            case ANY -> List.of(WatchTable.CHILD, WatchTable.DATA, WatchTable.EXIST, WatchTable.PERSISTENT,
                    WatchTable.PERSISTENT_RECURSIVE);
        };
    }

    private static EventType removalEvent(WatchTable table) {
        return switch (table) {
            case CHILD -> EventType.CHILD_WATCH_REMOVED;
            case DATA, EXIST -> EventType.DATA_WATCH_REMOVED;
            case PERSISTENT, PERSISTENT_RECURSIVE -> EventType.PERSISTENT_WATCH_REMOVED;
        };
    }

    /** The parent of an absolute path, or null above the root. */
    private static String parentOf(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** For diagnostics and tests: how many (path, watcher) pairs each table holds. */
    Map<WatchTable, Integer> sizes() {
        Map<WatchTable, Integer> sizes = new HashMap<>();
        tables.forEach((table, byPath) -> sizes.put(table, byPath.values().stream().mapToInt(Set::size).sum()));
        return sizes;
    }
}
