package dev.glasshouse.engine.admin.api;

/**
 * One client connection with its session: network counters joined with the member's session table.
 *
 * @param sessionId            0 while the session is being created
 * @param sessionTimeoutMillis the negotiated timeout, 0 while the session is being created
 */
public record ConnectionInfo(ConnectionTraffic traffic, long sessionId, int sessionTimeoutMillis) {
}
