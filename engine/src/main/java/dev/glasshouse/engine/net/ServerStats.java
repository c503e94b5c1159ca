package dev.glasshouse.engine.net;

import dev.glasshouse.engine.admin.api.ConnectionTraffic;
import dev.glasshouse.engine.admin.api.TrafficStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Client traffic of one member, ZooKeeper's {@code ServerStats}: frames in and out, request
 * latency, reply sizes, and the {@link ConnectionStats} of every open connection. Thread-safe;
 * counted on Netty threads and the member's event loop, read by the admin endpoints.
 */
public final class ServerStats {
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final SampleWindow readLatency = new SampleWindow();
    private final SampleWindow updateLatency = new SampleWindow();
    private final ConcurrentHashMap<Long, ConnectionStats> connections = new ConcurrentHashMap<>();
    private long minLatencyMillis = Long.MAX_VALUE;
    private long maxLatencyMillis;
    private long totalLatencyMillis;
    private long answered;
    private long lastResponseBytes = -1;
    private long minResponseBytes = Long.MAX_VALUE;
    private long maxResponseBytes = -1;

    void received() {
        received.increment();
    }

    synchronized void sent(int bodyBytes) {
        sent.increment();
        // ZooKeeper counts the serialized reply including its 4-byte length prefix.
        long size = bodyBytes + 4L;
        lastResponseBytes = size;
        minResponseBytes = Math.min(minResponseBytes, size);
        maxResponseBytes = Math.max(maxResponseBytes, size);
    }

    synchronized void answered(long latencyMillis, boolean write) {
        minLatencyMillis = Math.min(minLatencyMillis, latencyMillis);
        maxLatencyMillis = Math.max(maxLatencyMillis, latencyMillis);
        totalLatencyMillis += latencyMillis;
        answered++;
        (write ? updateLatency : readLatency).record(latencyMillis);
    }

    ConnectionStats open(String remoteSocketAddress, long connectionId, long nowMillis) {
        ConnectionStats stats = new ConnectionStats(remoteSocketAddress, connectionId, nowMillis, this);
        connections.put(connectionId, stats);
        return stats;
    }

    void closed(long connectionId) {
        connections.remove(connectionId);
    }

    public TrafficStats snapshot() {
        int outstanding = 0;
        for (ConnectionStats connection : connections.values()) {
            outstanding += connection.outstanding();
        }
        synchronized (this) {
            return new TrafficStats(received.sum(), sent.sum(), answered == 0 ? 0 : minLatencyMillis,
                    answered == 0 ? 0 : Math.round(100.0 * totalLatencyMillis / answered) / 100.0, maxLatencyMillis,
                    outstanding, lastResponseBytes, minResponseBytes == Long.MAX_VALUE ? -1 : minResponseBytes,
                    maxResponseBytes, 0, readLatency.snapshot(), updateLatency.snapshot());
        }
    }

    /** The open connections that completed a handshake frame, oldest first. */
    public List<ConnectionTraffic> connections() {
        List<ConnectionTraffic> all = new ArrayList<>();
        for (ConnectionStats connection : connections.values()) {
            all.add(connection.snapshot());
        }
        all.sort(Comparator.comparingLong(ConnectionTraffic::connectionId));
        return all;
    }

    /** {@code srst}: packet counts, latencies and reply sizes start over. */
    public void reset() {
        received.reset();
        sent.reset();
        readLatency.reset();
        updateLatency.reset();
        synchronized (this) {
            minLatencyMillis = Long.MAX_VALUE;
            maxLatencyMillis = 0;
            totalLatencyMillis = 0;
            answered = 0;
            lastResponseBytes = -1;
            minResponseBytes = Long.MAX_VALUE;
            maxResponseBytes = -1;
        }
    }

    /** {@code crst}: every connection's counters start over. */
    public void resetConnections() {
        connections.values().forEach(ConnectionStats::reset);
    }
}
