package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.ConnectionInfo;
import dev.glasshouse.engine.admin.api.ConnectionTraffic;
import dev.glasshouse.engine.admin.api.MemberConfiguration;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.admin.api.TrafficStats;
import dev.glasshouse.engine.net.FourLetterWordResponder;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * ZooKeeper's four-letter words with ZooKeeper's text layout, so that {@code zkServer.sh status},
 * kazoo, exporters and shell scripts that parse them keep working. A word that ZooKeeper knows but
 * the whitelist leaves out gets ZooKeeper's refusal. A member that is not serving (electing, or a
 * learner not yet synced) answers ZooKeeper's "not currently serving" line to the words ZooKeeper
 * refuses then, and {@code null} to {@code isro}, so that {@code zkServer.sh status} and exporters
 * read it as they read ZooKeeper. Thread-safe; answers are rendered on the calling thread from
 * values the member's event loop copied or published.
 */
public final class FourLetterWords implements FourLetterWordResponder {
    /** Every word ZooKeeper 3.9 recognises on the client port. */
    static final Set<String> KNOWN = Set.of("ruok", "stat", "srvr", "conf", "cons", "crst", "dump", "envi", "mntr",
            "wchs", "wchc", "wchp", "isro", "dirs", "srst", "gtmk", "stmk", "hash");
    /** The words whose ZooKeeper command checks {@code isZKServerRunning()} first. */
    static final Set<String> NEED_SERVING = Set.of("stat", "srvr", "conf", "cons", "crst", "dump", "mntr", "wchs",
            "wchc", "wchp", "dirs", "srst", "hash");

    private final MemberStatus status;
    private final Set<String> whitelist;

    public FourLetterWords(MemberStatus status, Set<String> whitelist) {
        this.status = status;
        this.whitelist = Set.copyOf(whitelist);
    }

    @Override
    public boolean recognises(String word) {
        return KNOWN.contains(word);
    }

    @Override
    public CompletableFuture<String> respond(String word) {
        if (!whitelist.contains(word)) {
            return CompletableFuture.completedFuture(word + " is not executed because it is not in the whitelist.\n");
        }
        if (NEED_SERVING.contains(word) && !status.serving()) {
            return CompletableFuture.completedFuture(AdminCommands.NOT_SERVING + "\n");
        }
        return switch (word) {
            case "ruok" -> CompletableFuture.completedFuture("imok");
            case "isro" -> CompletableFuture.completedFuture(readOnlyAnswer());
            case "srvr" -> status.state().thenApply(state -> serverStats(state, false));
            case "stat" -> status.state().thenApply(state -> serverStats(state, true));
            case "conf" -> CompletableFuture.completedFuture(configuration());
            case "cons" -> status.state().thenApply(this::connections);
            case "crst" -> reset(true);
            case "srst" -> reset(false);
            case "dump" -> status.state().thenApply(state -> TextDump.render(state));
            case "envi" -> CompletableFuture.completedFuture(environment());
            case "mntr" -> status.state().thenApply(this::monitor);
            case "wchs" -> status.watches().thenApply(report -> report.connections() + " connections watching "
                    + report.paths() + " paths\nTotal watches:" + report.totalWatches() + "\n");
            case "wchc" -> status.watches().thenApply(TextDump::watchesBySession);
            case "wchp" -> status.watches().thenApply(TextDump::watchesByPath);
            case "dirs" -> CompletableFuture.completedFuture("datadir_size: "
                    + status.storage().directorySizes().dataDirBytes() + "\nlogdir_size: "
                    + status.storage().directorySizes().logDirBytes() + "\n");
            default -> CompletableFuture.completedFuture(word + " is not supported by this server.\n");
        };
    }

    private String readOnlyAnswer() {
        if (!status.serving()) {
            return "null";
        }
        return status.readOnly() ? "ro" : "rw";
    }

    private CompletableFuture<String> reset(boolean connections) {
        if (connections) {
            status.resetConnections();
            return CompletableFuture.completedFuture("Connection stats reset.\n");
        }
        status.resetTraffic();
        return CompletableFuture.completedFuture("Server stats reset.\n");
    }

    /**
     * ZooKeeper's {@code StatCommand}. The {@code Zxid:} line of a standalone member is its last
     * applied zxid; a replicated member shows the last zxid it knows committed.
     */
    private String serverStats(MemberState state, boolean withClients) {
        QuorumState quorum = status.quorum();
        StringBuilder out = new StringBuilder("Zookeeper version: ").append(status.version()).append('\n');
        if (quorum.readOnly()) {
            out.append("READ-ONLY mode; serving only read-only clients\n");
        }
        if (withClients) {
            out.append("Clients:\n");
            for (ConnectionInfo connection : status.connections(state)) {
                ConnectionTraffic traffic = connection.traffic();
                out.append(" /").append(traffic.remoteSocketAddress()).append("[1](queued=")
                        .append(traffic.outstandingRequests()).append(",recved=").append(traffic.packetsReceived())
                        .append(",sent=").append(traffic.packetsSent()).append(")\n");
            }
            out.append('\n');
        }
        TrafficStats traffic = status.traffic();
        out.append("Latency min/avg/max: ").append(traffic.minLatencyMillis()).append('/')
                .append(traffic.avgLatencyMillis()).append('/').append(traffic.maxLatencyMillis()).append('\n')
                .append("Received: ").append(traffic.packetsReceived()).append('\n')
                .append("Sent: ").append(traffic.packetsSent()).append('\n')
                .append("Connections: ").append(state.counts().connectionCount()).append('\n')
                .append("Outstanding: ").append(traffic.outstandingRequests()).append('\n')
                .append("Zxid: 0x").append(Long.toHexString(quorum.isStandalone() ? state.counts().lastZxid()
                        : quorum.lastCommittedZxid())).append('\n')
                .append("Mode: ").append(MemberStatus.mode(quorum)).append('\n')
                .append("Node count: ").append(state.counts().znodeCount()).append('\n');
        return out.toString();
    }

    private String connections(MemberState state) {
        StringBuilder out = new StringBuilder();
        for (ConnectionInfo connection : status.connections(state)) {
            ConnectionTraffic t = connection.traffic();
            out.append(" /").append(t.remoteSocketAddress()).append("[1](queued=").append(t.outstandingRequests())
                    .append(",recved=").append(t.packetsReceived()).append(",sent=").append(t.packetsSent());
            if (connection.sessionId() != 0) {
                out.append(",sid=0x").append(Long.toHexString(connection.sessionId()))
                        .append(",lop=").append(t.lastOperation())
                        .append(",est=").append(t.establishedMillis())
                        .append(",to=").append(connection.sessionTimeoutMillis())
                        .append(",lcxid=0x").append(Long.toHexString(t.lastCxid()))
                        .append(",lzxid=0x").append(Long.toHexString(t.lastZxid()))
                        .append(",lresp=").append(t.lastResponseMillis())
                        .append(",llat=").append(t.lastLatencyMillis())
                        .append(",minlat=").append(t.minLatencyMillis())
                        .append(",avglat=").append(t.avgLatencyMillis())
                        .append(",maxlat=").append(t.maxLatencyMillis());
            }
            out.append(")\n");
        }
        return out.append('\n').toString();
    }

    private String configuration() {
        MemberConfiguration c = status.configuration();
        return "clientPort=" + c.clientPort() + "\n"
                + "secureClientPort=-1\n"
                + "dataDir=" + c.dataDir() + "\n"
                + "dataDirSize=" + status.storage().directorySizes().dataDirBytes() + "\n"
                + "dataLogDir=" + c.dataLogDir() + "\n"
                + "dataLogSize=" + status.storage().directorySizes().logDirBytes() + "\n"
                + "tickTime=" + c.tickTimeMillis() + "\n"
                + "maxClientCnxns=" + c.maxClientCnxns() + "\n"
                + "minSessionTimeout=" + c.minSessionTimeoutMillis() + "\n"
                + "maxSessionTimeout=" + c.maxSessionTimeoutMillis() + "\n"
                + "clientPortListenBacklog=" + c.clientPortListenBacklog() + "\n"
                + "serverId=" + c.serverId() + "\n";
    }

    private String environment() {
        StringBuilder out = new StringBuilder("Environment:\n");
        status.environment().forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    private String monitor(MemberState state) {
        StringBuilder out = new StringBuilder();
        MonitorValues.all(status, state).forEach((key, value) ->
                out.append("zk_").append(key).append('\t').append(value).append('\n'));
        return out.toString();
    }
}
