package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.ConnectionInfo;
import dev.glasshouse.engine.admin.api.ConnectionTraffic;
import dev.glasshouse.engine.admin.api.MemberConfiguration;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.admin.api.SessionInfo;
import dev.glasshouse.engine.admin.api.TrafficStats;
import dev.glasshouse.engine.admin.api.WatchReport;
import dev.glasshouse.engine.net.ServerStats;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Everything the four-letter words, the AdminServer and the metrics page report about one member:
 * its core state (read on the member's thread), its place in the ensemble, client traffic,
 * configuration and storage. Thread-safe; methods that need the core return futures and never
 * block the caller.
 */
public final class MemberStatus {
    private final MemberInspector inspector;
    private final ServerStats traffic;
    private final Supplier<MemberConfiguration> configuration;
    private final StorageStatus storage;
    private final QuorumStatus quorum;
    private final long startNanos = System.nanoTime();

    /**
     * @param configuration the applied settings; a supplier because the client port is known only
     *                      once bound, when the configuration asked for port 0
     */
    public MemberStatus(MemberInspector inspector, ServerStats traffic, Supplier<MemberConfiguration> configuration,
                        StorageStatus storage) {
        this(inspector, traffic, configuration, storage,
                () -> QuorumState.standalone(configuration.get().serverId()));
    }

    /**
     * A member of an ensemble.
     *
     * @param quorum the member's published place in its ensemble
     */
    public MemberStatus(MemberInspector inspector, ServerStats traffic, Supplier<MemberConfiguration> configuration,
                        StorageStatus storage, QuorumStatus quorum) {
        this.inspector = inspector;
        this.traffic = traffic;
        this.configuration = configuration;
        this.storage = storage;
        this.quorum = quorum;
    }

    /**
     * The member's state as ZooKeeper's {@code Mode:} line and {@code zk_server_state} show it:
     * {@code standalone}, {@code leader}, {@code follower}, {@code observer}, {@code looking}, or
     * {@code read-only} while it serves read-only clients. From the latest published state; never blocks.
     */
    public String mode() {
        return mode(quorum());
    }

    static String mode(QuorumState state) {
        return state.readOnly() ? "read-only" : state.mode().serverState();
    }

    public boolean readOnly() {
        return quorum().readOnly();
    }

    /**
     * True while the member answers clients (ZooKeeper's {@code isRunning}): standalone, an
     * established leader, a synced learner, or read-only. Commands ZooKeeper refuses while not
     * serving are refused then.
     */
    public boolean serving() {
        QuorumState state = quorum();
        return state.serving() || state.readOnly();
    }

    /** The latest published place in the ensemble; never blocks. */
    public QuorumState quorum() {
        return quorum.latest();
    }

    /** The place in the ensemble as the member's event loop sees it now. */
    public CompletableFuture<QuorumState> quorumState() {
        return quorum.quorumState();
    }

    public String version() {
        return Version.FULL;
    }

    public CompletableFuture<MemberState> state() {
        return inspector.inspect(MemberViews::state);
    }

    public CompletableFuture<WatchReport> watches() {
        return inspector.inspect(MemberViews::watches);
    }

    public TrafficStats traffic() {
        return traffic.snapshot();
    }

    /** The open client connections joined with their sessions, oldest first. */
    public List<ConnectionInfo> connections(MemberState state) {
        Map<Long, Integer> timeouts = new HashMap<>();
        for (SessionInfo session : state.sessions()) {
            timeouts.put(session.sessionId(), session.timeoutMillis());
        }
        List<ConnectionInfo> result = new ArrayList<>();
        for (ConnectionTraffic connection : traffic.connections()) {
            long session = state.sessionByConnection().getOrDefault(connection.connectionId(), 0L);
            result.add(new ConnectionInfo(connection, session, timeouts.getOrDefault(session, 0)));
        }
        return result;
    }

    /** {@code srst} and {@code stat_reset}. */
    public void resetTraffic() {
        traffic.reset();
    }

    /** {@code crst} and {@code connection_stat_reset}. */
    public void resetConnections() {
        traffic.resetConnections();
    }

    public MemberConfiguration configuration() {
        return configuration.get();
    }

    public StorageStatus storage() {
        return storage;
    }

    public long uptimeMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** {@code envi}: the keys and order of ZooKeeper's {@code Environment.list()}. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("zookeeper.version", version());
        env.put("host.name", hostName());
        for (String key : List.of("java.version", "java.vendor", "java.home", "java.class.path", "java.library.path",
                "java.io.tmpdir", "java.compiler", "os.name", "os.arch", "os.version", "user.name", "user.home",
                "user.dir")) {
            env.put(key, System.getProperty(key, "<NA>"));
        }
        Runtime runtime = Runtime.getRuntime();
        env.put("os.memory.free", runtime.freeMemory() / (1024 * 1024) + "MB");
        env.put("os.memory.max", runtime.maxMemory() / (1024 * 1024) + "MB");
        env.put("os.memory.total", runtime.totalMemory() / (1024 * 1024) + "MB");
        return env;
    }

    /** Open and maximum file descriptors of this process, -1 where the platform does not say. */
    public long[] fileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return new long[] {unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount()};
        }
        return new long[] {-1, -1};
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "<NA>";
        }
    }
}
