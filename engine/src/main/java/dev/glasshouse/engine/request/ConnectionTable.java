package dev.glasshouse.engine.request;

import dev.glasshouse.engine.watch.WatchTable;
import java.util.HashMap;
import java.util.Map;

/**
 * The member's open client connections, and which connection holds each session. A session is
 * held by one connection at most: a client that resumes it elsewhere takes it over. Forgetting a
 * connection also drops its watches, and the writes and syncs nobody is left to answer.
 * Confined to the member's event-loop thread.
 */
final class ConnectionTable {
    private final Map<Long, ClientConnection> connections = new HashMap<>();
    private final Map<Long, Long> connectionBySession = new HashMap<>();
    private final WatchTable watches;
    private final PendingWrites pendingWrites;
    private final SyncWaits syncs;

    ConnectionTable(WatchTable watches, PendingWrites pendingWrites, SyncWaits syncs) {
        this.watches = watches;
        this.pendingWrites = pendingWrites;
        this.syncs = syncs;
    }

    /** The open connection {@code connectionId}; null when it is not open. */
    ClientConnection get(long connectionId) {
        return connections.get(connectionId);
    }

    /** The connection that waits for {@code waiting}; null when there is none or it has gone. */
    ClientConnection waiting(PendingWrite waiting) {
        return waiting == null ? null : connections.get(waiting.connectionId());
    }

    boolean isOpen(long connectionId) {
        return connections.containsKey(connectionId);
    }

    void add(ClientConnection connection) {
        connections.put(connection.id(), connection);
    }

    /** Drops a connection that never got a session, so it holds nothing else. */
    void refuse(long connectionId) {
        connections.remove(connectionId);
    }

    /** A new session is held by {@code connectionId}. */
    void hold(long sessionId, long connectionId) {
        connectionBySession.put(sessionId, connectionId);
    }

    /** {@code connection} takes {@code sessionId} over; the connection that held it before is closed. */
    void move(long sessionId, ClientConnection connection, EffectsBuilder out) {
        Long previous = connectionBySession.put(sessionId, connection.id());
        if (previous != null && previous != connection.id()) {
            forget(previous);
            out.disconnect(previous, "session 0x" + Long.toHexString(sessionId) + " moved to another connection");
        }
    }

    /** The session ended: the connection holding it, if any, is forgotten and closed with {@code reason}. */
    void endSession(long sessionId, String reason, EffectsBuilder out) {
        Long owner = connectionBySession.remove(sessionId);
        if (owner != null) {
            forget(owner);
            out.disconnect(owner, reason);
        }
    }

    void forget(long connectionId) {
        ClientConnection connection = connections.remove(connectionId);
        watches.removeWatcher(connectionId);
        pendingWrites.forget(connectionId);
        syncs.forget(connectionId);
        if (connection != null && connection.sessionId() != 0) {
            connectionBySession.remove(connection.sessionId(), connectionId);
        }
    }

    int count() {
        return connections.size();
    }

    /** The session of each open connection, 0 while its session is still being created. */
    Map<Long, Long> sessionsByConnection() {
        Map<Long, Long> result = new HashMap<>();
        connections.forEach((id, connection) -> result.put(id, connection.sessionId()));
        return result;
    }
}
