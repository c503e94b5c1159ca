package dev.glasshouse.engine.admin.api;

/**
 * Client traffic of a member since start or the last {@code srst}: ZooKeeper's {@code ServerStats}.
 * Latencies are in milliseconds, measured from a request frame's arrival to its reply's write.
 *
 * @param packetsReceived    frames received from clients, the handshake included
 * @param packetsSent        frames written to clients, notifications included
 * @param outstandingRequests requests received and not yet answered
 * @param lastResponseBytes  size of the last reply frame, -1 before the first
 * @param readLatency        latencies of reads (and pings, sessions and other non-writes)
 * @param updateLatency      latencies of writes
 */
public record TrafficStats(long packetsReceived, long packetsSent, long minLatencyMillis, double avgLatencyMillis,
                           long maxLatencyMillis, int outstandingRequests, long lastResponseBytes,
                           long minResponseBytes, long maxResponseBytes, long authFailures,
                           Distribution readLatency, Distribution updateLatency) {
}
