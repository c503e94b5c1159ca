package dev.glasshouse.engine.watch;

import dev.glasshouse.engine.tree.TreeChange;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watches registered on this member and the notifications each change owes, following
 * ZooKeeper's rules: one-shot data and child watches are removed when they fire, persistent ones
 * stay, recursive ones see data events (never NodeChildrenChanged) of a whole subtree, and a
 * watcher gets at most one notification per change however many watches it holds.
 * Confined to the member's event-loop thread.
 */
public final class WatchTable {
    private final Map<WatchKind, Map<String, Set<Long>>> byKind = new EnumMap<>(WatchKind.class);
    private final Map<Long, Set<String>> pathsByWatcher = new HashMap<>();

    public WatchTable() {
        for (WatchKind kind : WatchKind.values()) {
            byKind.put(kind, new HashMap<>());
        }
    }

    public void add(WatchKind kind, String path, long watcher) {
        byKind.get(kind).computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
        pathsByWatcher.computeIfAbsent(watcher, w -> new HashSet<>()).add(path);
    }

    public boolean contains(WatchKind kind, String path, long watcher) {
        Set<Long> watchers = byKind.get(kind).get(path);
        return watchers != null && watchers.contains(watcher);
    }

    /** Removes one registration; true if there was one. */
    public boolean remove(WatchKind kind, String path, long watcher) {
        Map<String, Set<Long>> registry = byKind.get(kind);
        Set<Long> watchers = registry.get(path);
        if (watchers == null || !watchers.remove(watcher)) {
            return false;
        }
        if (watchers.isEmpty()) {
            registry.remove(path);
        }
        forgetIfUnwatched(path, watcher);
        return true;
    }

    // Keeps the per-watcher index from growing with one-shot watches that have already fired.
    private void forgetIfUnwatched(String path, long watcher) {
        for (WatchKind kind : WatchKind.values()) {
            if (contains(kind, path, watcher)) {
                return;
            }
        }
        Set<String> paths = pathsByWatcher.get(watcher);
        if (paths != null) {
            paths.remove(path);
            if (paths.isEmpty()) {
                pathsByWatcher.remove(watcher);
            }
        }
    }

    /** Drops every watch of a watcher, as when its connection closes. */
    public void removeWatcher(long watcher) {
        Set<String> paths = pathsByWatcher.remove(watcher);
        if (paths == null) {
            return;
        }
        for (String path : paths) {
            for (WatchKind kind : WatchKind.values()) {
                Map<String, Set<Long>> registry = byKind.get(kind);
                Set<Long> watchers = registry.get(path);
                if (watchers != null && watchers.remove(watcher) && watchers.isEmpty()) {
                    registry.remove(path);
                }
            }
        }
    }

    /** The notifications a change owes, in registration order, removing the one-shot watches that fire. */
    public List<WatchEvent> trigger(TreeChange change) {
        Set<Long> recipients = new LinkedHashSet<>();
        String path = change.path();
        switch (change.type()) {
            case NODE_CREATED, NODE_DATA_CHANGED -> {
                take(WatchKind.DATA, path, recipients);
                peek(WatchKind.PERSISTENT, path, recipients);
                recursive(path, recipients);
            }
            case NODE_DELETED -> {
                take(WatchKind.DATA, path, recipients);
                take(WatchKind.CHILD, path, recipients);
                peek(WatchKind.PERSISTENT, path, recipients);
                recursive(path, recipients);
            }
            case NODE_CHILDREN_CHANGED -> {
                take(WatchKind.CHILD, path, recipients);
                peek(WatchKind.PERSISTENT, path, recipients);
            }
            default -> throw new IllegalArgumentException("not a tree change: " + change.type());
        }
        List<WatchEvent> events = new ArrayList<>(recipients.size());
        for (long watcher : recipients) {
            events.add(new WatchEvent(watcher, change.type(), path));
        }
        return events;
    }

    private void take(WatchKind kind, String path, Set<Long> recipients) {
        Set<Long> watchers = byKind.get(kind).remove(path);
        if (watchers != null) {
            recipients.addAll(watchers);
            for (long watcher : watchers) {
                forgetIfUnwatched(path, watcher);
            }
        }
    }

    private void peek(WatchKind kind, String path, Set<Long> recipients) {
        Set<Long> watchers = byKind.get(kind).get(path);
        if (watchers != null) {
            recipients.addAll(watchers);
        }
    }

    private void recursive(String path, Set<Long> recipients) {
        Map<String, Set<Long>> registry = byKind.get(WatchKind.PERSISTENT_RECURSIVE);
        if (registry.isEmpty()) {
            return;
        }
        String current = path;
        while (true) {
            peek(WatchKind.PERSISTENT_RECURSIVE, current, recipients);
            if (current.equals("/")) {
                return;
            }
            int slash = current.lastIndexOf('/');
            current = slash == 0 ? "/" : current.substring(0, slash);
        }
    }

    /** Number of (watcher, path, kind) registrations. */
    public int size() {
        int total = 0;
        for (Map<String, Set<Long>> registry : byKind.values()) {
            for (Set<Long> watchers : registry.values()) {
                total += watchers.size();
            }
        }
        return total;
    }

    /** Number of registrations of one kind. */
    public int count(WatchKind kind) {
        int total = 0;
        for (Set<Long> watchers : byKind.get(kind).values()) {
            total += watchers.size();
        }
        return total;
    }

    /** The watchers of each path that holds a registration of one of {@code kinds}; for the admin views. */
    public Map<String, Set<Long>> watchersByPath(Set<WatchKind> kinds) {
        Map<String, Set<Long>> result = new HashMap<>();
        for (WatchKind kind : kinds) {
            byKind.get(kind).forEach((path, watchers) ->
                    result.computeIfAbsent(path, p -> new LinkedHashSet<>()).addAll(watchers));
        }
        return result;
    }

    /** Paths watched by each watcher, of any kind; for the admin views. */
    public Map<Long, Set<String>> pathsByWatcher() {
        Map<Long, Set<String>> copy = new HashMap<>();
        pathsByWatcher.forEach((watcher, paths) -> copy.put(watcher, Set.copyOf(paths)));
        return copy;
    }
}
