package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.SessionInfo;
import dev.glasshouse.engine.admin.api.WatchReport;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The longer four-letter answers, {@code dump}, {@code wchc} and {@code wchp}, in ZooKeeper's layout. */
final class TextDump {
    private TextDump() {
    }

    /** Sessions grouped by expiry time, then the ephemeral nodes of each session that has some. */
    static String render(MemberState state) {
        Map<Long, List<Long>> byDeadline = new TreeMap<>();
        List<SessionInfo> withEphemerals = new ArrayList<>();
        for (SessionInfo session : state.sessions()) {
            byDeadline.computeIfAbsent(session.deadlineMillis(), d -> new ArrayList<>()).add(session.sessionId());
            if (!session.ephemerals().isEmpty()) {
                withEphemerals.add(session);
            }
        }
        StringBuilder out = new StringBuilder("SessionTracker dump:\n");
        out.append("Session Sets (").append(byDeadline.size()).append(")/(").append(state.sessions().size())
                .append("):\n");
        byDeadline.forEach((deadline, sessions) -> {
            out.append(sessions.size()).append(" expire at ").append(new Date(deadline)).append(":\n");
            sessions.forEach(id -> out.append("\t0x").append(Long.toHexString(id)).append('\n'));
        });
        out.append("ephemeral nodes dump:\n");
        out.append("Sessions with Ephemerals (").append(withEphemerals.size()).append("):\n");
        for (SessionInfo session : withEphemerals) {
            out.append("0x").append(Long.toHexString(session.sessionId())).append(":\n");
            session.ephemerals().forEach(path -> out.append('\t').append(path).append('\n'));
        }
        return out.toString();
    }

    static String watchesBySession(WatchReport report) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(report.pathsBySession()).forEach((session, paths) -> {
            out.append("0x").append(Long.toHexString(session)).append('\n');
            paths.forEach(path -> out.append('\t').append(path).append('\n'));
        });
        return out.append('\n').toString();
    }

    static String watchesByPath(WatchReport report) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(report.sessionsByPath()).forEach((path, sessions) -> {
            out.append(path).append('\n');
            sessions.forEach(session -> out.append("\t0x").append(Long.toHexString(session)).append('\n'));
        });
        return out.append('\n').toString();
    }
}
