package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.MemberCounts;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.SessionInfo;
import dev.glasshouse.engine.admin.api.WatchReport;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.session.Session;
import dev.glasshouse.engine.watch.WatchKind;
import dev.glasshouse.engine.watch.WatchTable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies of a member's core state for the admin endpoints. Every method runs on the member's
 * event-loop thread (through {@link MemberInspector}) and returns immutable {@code admin.api} values.
 */
final class MemberViews {
    /** The registries ZooKeeper keeps in its data-watch manager, which wchs, wchc and wchp report. */
    private static final Set<WatchKind> DATA_WATCHES = EnumSet.of(WatchKind.DATA, WatchKind.PERSISTENT,
            WatchKind.PERSISTENT_RECURSIVE);

    private MemberViews() {
    }

    static MemberState state(Pipeline pipeline) {
        List<SessionInfo> sessions = new ArrayList<>();
        for (Session session : pipeline.sessions().all()) {
            sessions.add(new SessionInfo(session.id(), session.timeoutMillis(), session.deadlineMillis(),
                    pipeline.tree().ephemerals(session.id())));
        }
        // ZooKeeper's tree holds the root under both "" and "/", so its node count is one more than
        // the nodes a client can see; dashboards that compare the two members must see equal counts.
        MemberCounts counts = new MemberCounts(pipeline.lastAppliedZxid(), pipeline.tree().nodeCount() + 1,
                pipeline.tree().approximateDataSize(), pipeline.watches().size(), watchBytes(pipeline.watches()),
                pipeline.tree().ephemeralCount(),
                pipeline.sessions().size(), pipeline.connectionCount());
        return new MemberState(counts, sessions, pipeline.sessionsByConnection());
    }

    private static long watchBytes(WatchTable table) {
        long total = 0;
        for (Map.Entry<String, Set<Long>> entry : table.watchersByPath(EnumSet.allOf(WatchKind.class)).entrySet()) {
            total += (long) entry.getKey().length() * entry.getValue().size();
        }
        return total;
    }

    static WatchReport watches(Pipeline pipeline) {
        WatchTable table = pipeline.watches();
        Map<Long, Long> sessionOf = pipeline.sessionsByConnection();
        Map<String, Set<Long>> byPath = table.watchersByPath(DATA_WATCHES);
        Map<Long, List<String>> pathsBySession = new TreeMap<>();
        Map<String, List<Long>> sessionsByPath = new TreeMap<>();
        Set<Long> watchers = new HashSet<>();
        int total = 0;
        for (Map.Entry<String, Set<Long>> entry : new TreeMap<>(byPath).entrySet()) {
            List<Long> sessions = new ArrayList<>();
            for (long connection : entry.getValue()) {
                long session = sessionOf.getOrDefault(connection, 0L);
                sessions.add(session);
                pathsBySession.computeIfAbsent(session, s -> new ArrayList<>()).add(entry.getKey());
                watchers.add(connection);
                total++;
            }
            sessionsByPath.put(entry.getKey(), List.copyOf(sessions));
        }
        Map<Long, List<String>> frozen = new HashMap<>();
        pathsBySession.forEach((session, paths) -> frozen.put(session, List.copyOf(paths)));
        return new WatchReport(watchers.size(), byPath.size(), total, frozen, sessionsByPath);
    }
}
