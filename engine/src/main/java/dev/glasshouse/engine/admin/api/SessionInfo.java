package dev.glasshouse.engine.admin.api;

import java.util.List;

/**
 * One live session: its negotiated timeout, when it expires unless renewed (member clock,
 * epoch milliseconds) and the ephemeral nodes it owns, sorted.
 */
public record SessionInfo(long sessionId, int timeoutMillis, long deadlineMillis, List<String> ephemerals) {

    public SessionInfo {
        ephemerals = List.copyOf(ephemerals);
    }
}
