package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the watches a reconnecting client re-registers into setWatches packets of at most about
 * 128 KB of path text each, as the ZooKeeper client does, so that a client with very many watches
 * never sends a frame the server refuses. Paths go out with the chroot prefixed. Stateless.
 */
final class SetWatchesBatcher {
    /** The reference client's {@code SET_WATCHES_MAX_LENGTH}. */
    static final int MAX_PATH_BYTES = 128 * 1024;

    private SetWatchesBatcher() {
    }

    /** setWatches2 only when persistent watches exist, so that servers before 3.6 still understand the rest. */
    static OpCode opFor(WatchRegistry registry) {
        boolean persistent = !registry.paths(WatchTable.PERSISTENT).isEmpty()
                || !registry.paths(WatchTable.PERSISTENT_RECURSIVE).isEmpty();
        return persistent ? OpCode.SET_WATCHES2 : OpCode.SET_WATCHES;
    }

    static List<SetWatchesRequest> batches(WatchRegistry registry, long relativeZxid, Chroot chroot) {
        List<SetWatchesRequest> batches = new ArrayList<>();
        Map<WatchTable, List<String>> current = emptyBatch();
        int length = 0;
        for (WatchTable table : WatchTable.values()) {
            for (String path : registry.paths(table)) {
                String serverPath = chroot.toServer(path);
                if (length > 0 && length + serverPath.length() > MAX_PATH_BYTES) {
                    batches.add(request(relativeZxid, current));
                    current = emptyBatch();
                    length = 0;
                }
                current.get(table).add(serverPath);
                length += serverPath.length();
            }
        }
        if (length > 0) {
            batches.add(request(relativeZxid, current));
        }
        return batches;
    }

    private static Map<WatchTable, List<String>> emptyBatch() {
        Map<WatchTable, List<String>> batch = new EnumMap<>(WatchTable.class);
        for (WatchTable table : WatchTable.values()) {
            batch.put(table, new ArrayList<>());
        }
        return batch;
    }

    private static SetWatchesRequest request(long relativeZxid, Map<WatchTable, List<String>> batch) {
        return new SetWatchesRequest(relativeZxid, List.copyOf(batch.get(WatchTable.DATA)),
                List.copyOf(batch.get(WatchTable.EXIST)), List.copyOf(batch.get(WatchTable.CHILD)),
                List.copyOf(batch.get(WatchTable.PERSISTENT)),
                List.copyOf(batch.get(WatchTable.PERSISTENT_RECURSIVE)));
    }
}
