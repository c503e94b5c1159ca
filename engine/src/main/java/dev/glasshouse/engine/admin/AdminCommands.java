package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.ConnectionInfo;
import dev.glasshouse.engine.admin.api.ConnectionTraffic;
import dev.glasshouse.engine.admin.api.MemberConfiguration;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.SessionInfo;
import dev.glasshouse.engine.admin.api.SnapshotInfo;
import dev.glasshouse.engine.admin.api.TrafficStats;
import dev.glasshouse.engine.admin.api.WatchReport;
import dev.glasshouse.engine.request.Authenticator;
import dev.glasshouse.engine.wire.Perms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The commands of ZooKeeper's AdminServer, by primary name and alias, answering with ZooKeeper's
 * JSON field names, plus Glasshouse's {@code quorum} command (the member's whole {@code QuorumState}
 * for the consoles). As in ZooKeeper, a member that is not serving (electing, or a learner not yet
 * synced) refuses every command except {@code environment}, {@code monitor}, {@code zabstate} and
 * {@code quorum}, which operators need during an election. Snapshot and restore check ZooKeeper's
 * authentication and then say they are not available, because this member has no durable storage
 * to stream yet. Thread-safe.
 */
public final class AdminCommands {
    /** ZooKeeper's answer, with HTTP 200, to a command that needs a serving member. */
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    private record Command(String primaryName, boolean servingRequired,
                           Function<Optional<String>, CompletableFuture<CommandResult>> run) {
    }

    private final MemberStatus status;
    private final AclAuthorizer authorizer;
    private final Map<String, Command> byName = new LinkedHashMap<>();

    public AdminCommands(MemberStatus status, Authenticator authenticator,
                         MemberInspector inspector) {
        this.status = status;
        this.authorizer = new AclAuthorizer(authenticator, inspector);
        register(List.of("configuration", "conf", "config"), ignored -> now(configuration()));
        register(List.of("connections", "cons"), ignored -> status.state().thenApply(this::connections));
        register(List.of("connection_stat_reset", "crst"), ignored -> {
            status.resetConnections();
            return now(Map.of());
        });
        register(List.of("dirs"), ignored -> now(dirs()));
        register(List.of("dump"), ignored -> status.state().thenApply(this::dump));
        registerAnytime(List.of("environment", "env", "envi"),
                ignored -> now(new LinkedHashMap<>(status.environment())));
        register(List.of("is_read_only", "isro"), ignored -> now(Map.of("read_only", status.readOnly())));
        register(List.of("last_snapshot", "lsnp"), ignored -> now(lastSnapshot()));
        register(List.of("leader", "lead"), ignored -> now(QuorumFields.leader(status.quorum())));
        registerAnytime(List.of("monitor", "mntr"), ignored -> status.state()
                .thenApply(state -> CommandResult.ok(MonitorValues.all(status, state))));
        register(List.of("observers", "obsr"), ignored -> now(QuorumFields.observers(status.quorum())));
        registerAnytime(List.of("quorum"), ignored -> status.quorumState()
                .thenApply(quorum -> CommandResult.ok(QuorumFields.quorum(quorum))));
        register(List.of("ruok"), ignored -> now(Map.of()));
        register(List.of("server_stats", "srvr"), ignored -> status.state().thenApply(state -> stats(state, false)));
        register(List.of("stats", "stat"), ignored -> status.state().thenApply(state -> stats(state, true)));
        register(List.of("stat_reset", "srst"), ignored -> {
            status.resetTraffic();
            return now(Map.of());
        });
        register(List.of("voting_view"), ignored -> now(QuorumFields.votingView(status.quorum())));
        register(List.of("watches", "wchc"), ignored -> status.watches().thenApply(report ->
                CommandResult.ok(Map.of("session_id_to_watched_paths", new TreeMap<>(report.pathsBySession())))));
        register(List.of("watches_by_path", "wchp"), ignored -> status.watches().thenApply(report ->
                CommandResult.ok(Map.of("path_to_session_ids", new TreeMap<>(report.sessionsByPath())))));
        register(List.of("watch_summary", "wchs"), ignored -> status.watches().thenApply(this::watchSummary));
        registerAnytime(List.of("zabstate"), ignored -> now(QuorumFields.zabState(status.quorum())));
        // Authentication comes first for these two, whatever the member's state.
        registerAnytime(List.of("snapshot", "snap"), authorization -> withRootAll(authorization, "snapshot is not"
                + " available over HTTP yet: the member's newest snapshot is the file last_snapshot names under"
                + " dataDir/version-2, and 'glasshouse-engine snapshot dump FILE' prints it"));
        registerAnytime(List.of("restore", "rest"), authorization -> withRootAll(authorization, "restore is not"
                + " available over HTTP yet: stop the member (every member of an ensemble), move its data directory"
                + " aside, put the snapshot file alone in a new dataDir/version-2 and start it again"));
    }

    /** A command that answers only while the member serves, as most of ZooKeeper's do. */
    private void register(List<String> names, Function<Optional<String>, CompletableFuture<CommandResult>> run) {
        add(new Command(names.get(0), true, run), names);
    }

    /** A command that answers in every state (ZooKeeper's {@code serverRequired=false}). */
    private void registerAnytime(List<String> names,
                                 Function<Optional<String>, CompletableFuture<CommandResult>> run) {
        add(new Command(names.get(0), false, run), names);
    }

    private void add(Command command, List<String> names) {
        names.forEach(name -> byName.put(name, command));
    }

    /** Primary names, in the order the index page lists them. */
    public List<String> primaryNames() {
        List<String> names = new ArrayList<>();
        byName.values().forEach(command -> {
            if (!names.contains(command.primaryName())) {
                names.add(command.primaryName());
            }
        });
        names.sort(String::compareTo);
        return names;
    }

    /**
     * Runs a command by primary name or alias. {@code authorization} is the HTTP Authorization
     * header, used only by the commands ZooKeeper protects. Completes with the JSON object and status.
     */
    public CompletableFuture<Map.Entry<Integer, Map<String, Object>>> run(String name, Optional<String> authorization) {
        Command command = byName.get(name);
        if (command == null) {
            CommandResult unknown = CommandResult.failed("Unknown command: " + name, 200);
            return CompletableFuture.completedFuture(Map.entry(200, unknown.toJson(name)));
        }
        if (command.servingRequired() && !status.serving()) {
            return CompletableFuture.completedFuture(Map.entry(200,
                    CommandResult.failed(NOT_SERVING, 200).toJson(command.primaryName())));
        }
        return command.run().apply(authorization)
                .thenApply(result -> Map.entry(result.httpStatus(), result.toJson(command.primaryName())));
    }

    /** Checks ALL on {@code /} as ZooKeeper does for these commands, then answers 501 with {@code notAvailable}. */
    private CompletableFuture<CommandResult> withRootAll(Optional<String> authorization, String notAvailable) {
        return authorizer.check(authorization, Perms.ALL, "/").thenApply(failure -> failure.orElseGet(() ->
                CommandResult.failed(notAvailable, 501)));
    }

    private static CompletableFuture<CommandResult> now(Map<String, Object> fields) {
        return CompletableFuture.completedFuture(CommandResult.ok(fields));
    }

    private Map<String, Object> configuration() {
        MemberConfiguration c = status.configuration();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("client_port", c.clientPort());
        fields.put("data_dir", c.dataDir());
        fields.put("data_log_dir", c.dataLogDir());
        fields.put("tick_time", c.tickTimeMillis());
        fields.put("max_client_cnxns", c.maxClientCnxns());
        fields.put("min_session_timeout", c.minSessionTimeoutMillis());
        fields.put("max_session_timeout", c.maxSessionTimeoutMillis());
        fields.put("server_id", c.serverId());
        fields.put("client_port_listen_backlog", c.clientPortListenBacklog());
        return fields;
    }

    private Map<String, Object> dirs() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("datadir_size", status.storage().directorySizes().dataDirBytes());
        fields.put("logdir_size", status.storage().directorySizes().logDirBytes());
        return fields;
    }

    private Map<String, Object> lastSnapshot() {
        SnapshotInfo snapshot = status.storage().lastSnapshot().orElse(new SnapshotInfo(0, 0));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("zxid", Long.toHexString(snapshot.zxid()));
        fields.put("timestamp", snapshot.timestampSeconds());
        return fields;
    }

    private CommandResult connections(MemberState state) {
        List<Map<String, Object>> connections = new ArrayList<>();
        for (ConnectionInfo connection : status.connections(state)) {
            Map<String, Object> fields = connectionBasics(connection.traffic());
            ConnectionTraffic t = connection.traffic();
            if (connection.sessionId() != 0) {
                fields.put("session_id", connection.sessionId());
                fields.put("last_operation", t.lastOperation());
                fields.put("established", t.establishedMillis());
                fields.put("session_timeout", connection.sessionTimeoutMillis());
                fields.put("last_cxid", t.lastCxid());
                fields.put("last_zxid", t.lastZxid());
                fields.put("last_response_time", t.lastResponseMillis());
                fields.put("last_latency", t.lastLatencyMillis());
                fields.put("min_latency", t.minLatencyMillis());
                fields.put("avg_latency", t.avgLatencyMillis());
                fields.put("max_latency", t.maxLatencyMillis());
            }
            connections.add(fields);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("connections", connections);
        fields.put("secure_connections", List.of());
        return CommandResult.ok(fields);
    }

    private static Map<String, Object> connectionBasics(ConnectionTraffic t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("remote_socket_address", t.remoteSocketAddress());
        fields.put("interest_ops", 1);
        fields.put("outstanding_requests", t.outstandingRequests());
        fields.put("packets_received", t.packetsReceived());
        fields.put("packets_sent", t.packetsSent());
        return fields;
    }

    private CommandResult dump(MemberState state) {
        Map<String, List<Long>> byExpiry = new TreeMap<>();
        Map<String, List<String>> ephemerals = new TreeMap<>();
        for (SessionInfo session : state.sessions()) {
            byExpiry.computeIfAbsent(String.valueOf(session.deadlineMillis()), d -> new ArrayList<>())
                    .add(session.sessionId());
            if (!session.ephemerals().isEmpty()) {
                ephemerals.put(String.valueOf(session.sessionId()), session.ephemerals());
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expiry_time_to_session_ids", byExpiry);
        fields.put("session_id_to_ephemeral_paths", ephemerals);
        return CommandResult.ok(fields);
    }

    private CommandResult watchSummary(WatchReport report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("num_connections", report.connections());
        fields.put("num_paths", report.paths());
        fields.put("num_total_watches", report.totalWatches());
        return CommandResult.ok(fields);
    }

    private CommandResult stats(MemberState state, boolean withConnections) {
        TrafficStats traffic = status.traffic();
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("lastBufferSize", traffic.lastResponseBytes());
        responses.put("minBufferSize", traffic.minResponseBytes());
        responses.put("maxBufferSize", traffic.maxResponseBytes());
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("packetsSent", traffic.packetsSent());
        server.put("packetsReceived", traffic.packetsReceived());
        server.put("fsyncThresholdExceedCount", 0);
        server.put("clientResponseStats", responses);
        server.put("dataDirSize", status.storage().directorySizes().dataDirBytes());
        server.put("logDirSize", status.storage().directorySizes().logDirBytes());
        server.put("lastProcessedZxid", state.counts().lastZxid());
        server.put("outstandingRequests", traffic.outstandingRequests());
        server.put("serverState", status.mode());
        server.put("avgLatency", traffic.avgLatencyMillis());
        server.put("maxLatency", traffic.maxLatencyMillis());
        server.put("minLatency", traffic.minLatencyMillis());
        server.put("numAliveClientConnections", state.counts().connectionCount());
        server.put("uptime", status.uptimeMillis());
        server.put("authFailedCount", traffic.authFailures());
        server.put("nonMTLSRemoteConnCount", 0);
        server.put("nonMTLSLocalConnCount", 0);
        server.put("providerNull", false);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", status.version());
        fields.put("read_only", status.readOnly());
        fields.put("server_stats", server);
        fields.put("client_response", responses);
        fields.put("node_count", state.counts().znodeCount());
        if (withConnections) {
            List<Map<String, Object>> connections = new ArrayList<>();
            status.connections(state).forEach(connection -> connections.add(connectionBasics(connection.traffic())));
            fields.put("connections", connections);
            fields.put("secure_connections", List.of());
        }
        return CommandResult.ok(fields);
    }
}
