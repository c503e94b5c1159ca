package dev.glasshouse.engine.admin.api;

import java.util.List;
import java.util.Map;

/**
 * What the admin views need from a member's core, copied on its event-loop thread.
 *
 * @param sessions            live sessions in creation order
 * @param sessionByConnection the session of each open connection, 0 while it is being created
 */
public record MemberState(MemberCounts counts, List<SessionInfo> sessions, Map<Long, Long> sessionByConnection) {

    public MemberState {
        sessions = List.copyOf(sessions);
        sessionByConnection = Map.copyOf(sessionByConnection);
    }
}
