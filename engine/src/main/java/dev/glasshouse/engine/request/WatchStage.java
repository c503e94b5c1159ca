package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.tree.Znode;
import dev.glasshouse.engine.watch.WatchEvent;
import dev.glasshouse.engine.watch.WatchKind;
import dev.glasshouse.engine.watch.WatchTable;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.AddWatchRequest;
import dev.glasshouse.engine.wire.EmptyResponse;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.IntResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import dev.glasshouse.engine.wire.WatchTypeRequest;
import dev.glasshouse.engine.wire.WatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requests that manage watches rather than data: addWatch, setWatches(2), checkWatches, removeWatches. */
final class WatchStage {
    private final DataTree tree;
    private final WatchTable watches;

    WatchStage(DataTree tree, WatchTable watches) {
        this.tree = tree;
        this.watches = watches;
    }

    Reply addWatch(AddWatchRequest request, long watcher) {
        Optional<AddWatchMode> mode = AddWatchMode.fromCode(request.mode());
        if (mode.isEmpty() || request.path() == null) {
            return Reply.error(ErrorCode.BAD_ARGUMENTS);
        }
        WatchKind kind = mode.get() == AddWatchMode.PERSISTENT ? WatchKind.PERSISTENT : WatchKind.PERSISTENT_RECURSIVE;
        watches.add(kind, request.path(), watcher);
        return Reply.ok(new IntResponse(0));
    }

    /** checkWatches (nothing removed) or removeWatches; NO_WATCHER when the connection holds no such watch. */
    Reply checkOrRemove(OpCode op, WatchTypeRequest request, long watcher) {
        Optional<WatcherType> type = WatcherType.fromCode(request.type());
        if (type.isEmpty()) {
            return Reply.error(ErrorCode.BAD_ARGUMENTS);
        }
        boolean found = false;
        for (WatchKind kind : kindsOf(type.get())) {
            found |= op == OpCode.REMOVE_WATCHES ? watches.remove(kind, request.path(), watcher)
                    : watches.contains(kind, request.path(), watcher);
        }
        return found ? Reply.ok(EmptyResponse.INSTANCE) : Reply.error(ErrorCode.NO_WATCHER);
    }

    private static List<WatchKind> kindsOf(WatcherType type) {
        return switch (type) {
            case CHILDREN -> List.of(WatchKind.CHILD);
            case DATA -> List.of(WatchKind.DATA);
            case ANY -> List.of(WatchKind.values());
            case PERSISTENT -> List.of(WatchKind.PERSISTENT);
            case PERSISTENT_RECURSIVE -> List.of(WatchKind.PERSISTENT_RECURSIVE);
        };
    }

    /**
     * Re-registers a reconnecting client's watches. A watch whose event the client missed while
     * disconnected (the node changed after {@code relativeZxid}) fires at once instead, as in
     * ZooKeeper's {@code DataTree.setWatches}.
     */
    List<WatchEvent> setWatches(SetWatchesRequest request, long watcher) {
        long since = request.relativeZxid();
        List<WatchEvent> missed = new ArrayList<>();
        for (String path : request.dataWatches()) {
            Optional<Znode> node = tree.node(path);
            if (node.isEmpty()) {
                missed.add(new WatchEvent(watcher, EventType.NODE_DELETED, path));
            } else if (node.get().stat().mzxid() > since) {
                missed.add(new WatchEvent(watcher, EventType.NODE_DATA_CHANGED, path));
            } else {
                watches.add(WatchKind.DATA, path, watcher);
            }
        }
        for (String path : request.existWatches()) {
            if (tree.node(path).isPresent()) {
                missed.add(new WatchEvent(watcher, EventType.NODE_CREATED, path));
            } else {
                watches.add(WatchKind.DATA, path, watcher);
            }
        }
        for (String path : request.childWatches()) {
            Optional<Znode> node = tree.node(path);
            if (node.isEmpty()) {
                missed.add(new WatchEvent(watcher, EventType.NODE_DELETED, path));
            } else if (node.get().stat().pzxid() > since) {
                missed.add(new WatchEvent(watcher, EventType.NODE_CHILDREN_CHANGED, path));
            } else {
                watches.add(WatchKind.CHILD, path, watcher);
            }
        }
        request.persistentWatches().forEach(path -> watches.add(WatchKind.PERSISTENT, path, watcher));
        request.persistentRecursiveWatches().forEach(path -> watches.add(WatchKind.PERSISTENT_RECURSIVE, path,
                watcher));
        return missed;
    }
}
