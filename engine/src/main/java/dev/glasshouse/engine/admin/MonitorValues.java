package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.Distribution;
import dev.glasshouse.engine.admin.api.MemberCounts;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.TrafficStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of {@code mntr}, the {@code monitor} command and the metrics page, under ZooKeeper's
 * key names (without the {@code zk_} prefix that {@code mntr} adds). Only keys ZooKeeper 3.9 also
 * emits appear, so dashboards and exporters built for ZooKeeper find what they expect; values this
 * member cannot measure yet (quorum, throttling) are left out rather than faked.
 */
final class MonitorValues {
    /** Summaries ZooKeeper reports with percentiles, in milliseconds. */
    static final Map<String, Boolean> SUMMARIES_WITH_PERCENTILES = Map.of("readlatency", true,
            "updatelatency", true, "fsynctime", false);

    private MonitorValues() {
    }

    /** Plain values (numbers, or text for version and state), in ZooKeeper's order. */
    static Map<String, Object> values(MemberStatus status, MemberState state) {
        MemberCounts counts = state.counts();
        TrafficStats traffic = status.traffic();
        long[] descriptors = status.fileDescriptors();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", status.version());
        values.put("server_state", status.mode());
        values.put("ephemerals_count", counts.ephemeralsCount());
        values.put("num_alive_connections", counts.connectionCount());
        values.put("avg_latency", traffic.avgLatencyMillis());
        values.put("outstanding_requests", traffic.outstandingRequests());
        values.put("znode_count", counts.znodeCount());
        values.put("global_sessions", counts.sessionCount());
        values.put("last_client_response_size", traffic.lastResponseBytes());
        values.put("packets_sent", traffic.packetsSent());
        values.put("packets_received", traffic.packetsReceived());
        values.put("max_client_response_size", traffic.maxResponseBytes());
        values.put("connection_drop_probability", 0);
        values.put("watch_count", counts.watchCount());
        values.put("auth_failed_count", traffic.authFailures());
        values.put("min_latency", traffic.minLatencyMillis());
        values.put("max_file_descriptor_count", descriptors[1]);
        values.put("approximate_data_size", counts.approximateDataSize());
        values.put("open_file_descriptor_count", descriptors[0]);
        values.put("local_sessions", 0);
        values.put("uptime", status.uptimeMillis());
        values.put("max_latency", traffic.maxLatencyMillis());
        values.put("min_client_response_size", traffic.minResponseBytes());
        values.put("watch_bytes", counts.watchBytes());
        values.put("throttled_ops", 0);
        return values;
    }

    /** The summaries by name; each is emitted as avg, min, max, cnt, sum (and percentiles where ZooKeeper has them). */
    static Map<String, Distribution> summaries(MemberStatus status) {
        TrafficStats traffic = status.traffic();
        Map<String, Distribution> summaries = new LinkedHashMap<>();
        summaries.put("readlatency", traffic.readLatency());
        summaries.put("updatelatency", traffic.updateLatency());
        summaries.put("fsynctime", status.storage().fsyncMillis());
        return summaries;
    }

    /** A summary flattened the way {@code mntr} prints it: {@code avg_x, min_x, max_x, cnt_x, sum_x[, p50_x ...]}. */
    static Map<String, Object> flatten(String name, Distribution summary) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("avg_" + name, summary.avg());
        values.put("min_" + name, (long) summary.min());
        values.put("max_" + name, (long) summary.max());
        values.put("cnt_" + name, summary.count());
        values.put("sum_" + name, (long) summary.sum());
        if (SUMMARIES_WITH_PERCENTILES.get(name)) {
            values.put("p50_" + name, percentile(summary.p50()));
            values.put("p95_" + name, percentile(summary.p95()));
            values.put("p99_" + name, percentile(summary.p99()));
            values.put("p999_" + name, percentile(summary.p999()));
        }
        return values;
    }

    /** Everything {@code mntr} and {@code monitor} show. */
    static Map<String, Object> all(MemberStatus status, MemberState state) {
        Map<String, Object> values = values(status, state);
        summaries(status).forEach((name, summary) -> values.putAll(flatten(name, summary)));
        return values;
    }

    private static long percentile(double value) {
        return Double.isNaN(value) ? 0 : (long) value;
    }
}
