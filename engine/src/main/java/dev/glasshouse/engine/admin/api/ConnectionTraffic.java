package dev.glasshouse.engine.admin.api;

/**
 * One client connection as the network layer counts it, for {@code cons} and {@code stat}.
 * Latencies are in milliseconds; times are wall-clock epoch milliseconds.
 *
 * @param remoteSocketAddress {@code ip:port} of the client
 * @param lastOperation       ZooKeeper's four-letter name of the last request ({@code GETD}, {@code SESS}, ...)
 */
public record ConnectionTraffic(String remoteSocketAddress, long connectionId, int outstandingRequests,
                                long packetsReceived, long packetsSent, String lastOperation, long establishedMillis,
                                long lastCxid, long lastZxid, long lastResponseMillis, long lastLatencyMillis,
                                long minLatencyMillis, long avgLatencyMillis, long maxLatencyMillis) {
}
