package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.Distribution;
import dev.glasshouse.engine.admin.api.MemberCounts;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.admin.api.QuorumState.Learner;
import dev.glasshouse.engine.admin.api.QuorumState.LearnerType;
import dev.glasshouse.engine.admin.api.QuorumState.Member;
import dev.glasshouse.engine.admin.api.TrafficStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values of {@code mntr}, the {@code monitor} command and the metrics page, under ZooKeeper's
 * key names (without the {@code zk_} prefix that {@code mntr} adds). Only keys ZooKeeper 3.9 also
 * emits appear, so dashboards and exporters built for ZooKeeper find what they expect; values this
 * member cannot measure yet (throttling, proposal sizes, leader uptime) are left out rather than faked.
 * A replicated member adds {@code peer_state} and {@code quorum_size}, and its leader the learner
 * counts, as ZooKeeper 3.9's quorum servers register them.
 */
final class MonitorValues {
    /** Summaries ZooKeeper reports with percentiles, in milliseconds. */
    static final Map<String, Boolean> SUMMARIES_WITH_PERCENTILES = Map.of("readlatency", true,
            "updatelatency", true, "fsynctime", false);

    private MonitorValues() {
    }

    /** Plain values (numbers, or text for version and state), in ZooKeeper's order. */
    static Map<String, Object> values(MemberStatus status, MemberState state) {
        return values(status, state, status.quorum());
    }

    /** Plain values, with the quorum figures from {@code quorum}, the snapshot the caller reads once. */
    static Map<String, Object> values(MemberStatus status, MemberState state, QuorumState quorum) {
        MemberCounts counts = state.counts();
        TrafficStats traffic = status.traffic();
        long[] descriptors = status.fileDescriptors();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", status.version());
        values.put("server_state", MemberStatus.mode(quorum));
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
        if (!quorum.isStandalone()) {
            values.putAll(quorumValues(quorum));
        }
        return values;
    }

    /**
     * ZooKeeper's {@code QuorumZooKeeperServer} adds {@code peer_state} and the {@code quorum_size}
     * gauge (the number of voters, not the majority); its leader registers the learner gauges and a
     * follower {@code synced_observers} (observers it serves as observer master: none here).
     */
    static Map<String, Object> quorumValues(QuorumState quorum) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("peer_state", peerState(quorum));
        values.put("quorum_size", quorum.votingMembers().size());
        switch (quorum.mode()) {
            case LEADER -> values.putAll(leaderValues(quorum));
            case FOLLOWER -> values.put("synced_observers", 0);
            default -> {
                // Observers and electing members register no further quorum gauges.
            }
        }
        return values;
    }

    private static Map<String, Object> leaderValues(QuorumState quorum) {
        Set<Long> voters = quorum.votingMembers().stream().map(Member::id).collect(Collectors.toSet());
        int followers = 0;
        int nonVotingFollowers = 0;
        int observers = 0;
        for (Learner learner : quorum.learners()) {
            if (!learner.synced()) {
                continue;
            }
            if (learner.type() == LearnerType.OBSERVER) {
                observers++;
            } else if (voters.contains(learner.id())) {
                followers++;
            } else {
                nonVotingFollowers++;
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("learners", quorum.learners().size());
        values.put("synced_followers", followers);
        values.put("synced_non_voting_followers", nonVotingFollowers);
        values.put("synced_observers", observers);
        values.put("pending_syncs", quorum.pendingSyncs());
        return values;
    }

    /**
     * ZooKeeper's {@code getDetailedPeerState}: the peer state, then the ZAB phase once the
     * election is over ({@code following - broadcast}, {@code looking}).
     */
    static String peerState(QuorumState quorum) {
        String phase = quorum.zabPhase().filter(p -> p != QuorumState.ZabPhase.ELECTION)
                .map(p -> " - " + QuorumFields.lower(p)).orElse("");
        return quorum.mode().peerState() + phase;
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
        Map<String, Object> values = values(status, state, status.quorum());
        summaries(status).forEach((name, summary) -> values.putAll(flatten(name, summary)));
        return values;
    }

    private static long percentile(double value) {
        return Double.isNaN(value) ? 0 : (long) value;
    }
}
