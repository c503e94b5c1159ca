package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.OperationsEndpoints;
import dev.glasshouse.engine.net.ClientServer;
import dev.glasshouse.engine.persist.FileDisk;
import dev.glasshouse.engine.persist.FileSnapshotStore;
import dev.glasshouse.engine.persist.FileTxnLog;
import dev.glasshouse.engine.persist.Purge;
import dev.glasshouse.engine.persist.Recovery;
import dev.glasshouse.engine.net.RequestThrottle;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.PipelineSettings;
import dev.glasshouse.engine.server.config.PersistenceConfig;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running standalone member: recovery from {@code dataDir}/{@code dataLogDir}, the client
 * listener, the member event loop with its log sync thread, and the purge timer. The composition
 * root of a standalone process. {@link #close()} stops accepting, closes the client connections,
 * syncs the log and stops the event loop.
 */
public final class StandaloneServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StandaloneServer.class);
    /** Snapshots and log segments live in this subdirectory, as ZooKeeper's do. */
    public static final String VERSION_DIR = "version-2";

    private final MemberEventLoop eventLoop;
    private final ClientServer clients;
    private final Optional<ScheduledExecutorService> purger;
    private final OperationsEndpoints endpoints;

    private StandaloneServer(MemberEventLoop eventLoop, ClientServer clients,
                             Optional<ScheduledExecutorService> purger, OperationsEndpoints endpoints) {
        this.eventLoop = eventLoop;
        this.clients = clients;
        this.purger = purger;
        this.endpoints = endpoints;
    }

    /**
     * Recovers the member's data, then returns once its client port is bound. Damaged data stops
     * start-up with an {@link IllegalStateException} whose message tells the operator what to do.
     */
    public static StandaloneServer start(ServerConfig config) {
        Clock clock = new SystemClock();
        PersistenceConfig persistence = config.persistence();
        if (!persistence.forceSync()) {
            log.warn("forceSync=no: the transaction log is not fsynced, so a crash or power loss can lose"
                    + " acknowledged writes. Use this for tests and demos only.");
        }
        FileDisk logDisk;
        FileSnapshotStore snapshots;
        Recovery.Result recovered;
        try {
            logDisk = new FileDisk(config.dataLogDir().resolve(VERSION_DIR));
            snapshots = new FileSnapshotStore(new FileDisk(config.dataDir().resolve(VERSION_DIR)),
                    FileSnapshotStore.Compression.parse(persistence.snapshotCompression()));
            snapshots.removeLeftovers();
            recovered = Recovery.recover(snapshots, logDisk, clock.nowMillis());
        } catch (IOException e) {
            log.error("Cannot start: {}", e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
        PipelineSettings settings = new PipelineSettings(0, config.minSessionTimeoutMillis(),
                config.maxSessionTimeoutMillis(), config.extendedTypesEnabled(), config.containerCheckIntervalMillis(),
                config.containerMaxPerMinute(), config.enforceQuota());
        DigestAuthenticator authenticator = new DigestAuthenticator(config.superDigest());
        Pipeline pipeline = new Pipeline(settings, authenticator, new SecureRandom(), clock.nowMillis(),
                recovered.state());
        long seed = new SecureRandom().nextLong();
        log.info("Transaction log dataLogDir={} forceSync={} preAllocSizeKb={} snapCount={} snapshotSeed={}",
                logDisk.dir(), persistence.forceSync(), persistence.preAllocSizeKb(), persistence.snapCount(), seed);
        FileTxnLog txnLog = new FileTxnLog(logDisk, persistence.preAllocSizeKb() * 1024, persistence.forceSync(),
                recovered.state().lastZxid());
        // Ticks at half the tick time bound how late a session can expire past its deadline.
        long tickMillis = Math.max(10, config.tickTimeMillis() / 2);
        RequestThrottle throttle = new RequestThrottle(config.globalOutstandingLimit());
        MemberEventLoop eventLoop = new MemberEventLoop(pipeline, clock, new MemberEventLoop.Setup("standalone",
                tickMillis, txnLog, snapshots, persistence, seed, throttle::finished));
        InetSocketAddress address = config.clientPortAddress()
                .map(host -> new InetSocketAddress(host, config.clientPort()))
                .orElseGet(() -> new InetSocketAddress(config.clientPort()));
        // Operations surface: four-letter words, AdminServer, metrics.
        Operations operations = new Operations(config, eventLoop::inspectAsync, authenticator,
                new DiskStorageStatus(config.dataDir().resolve(VERSION_DIR), logDisk.dir()));
        try {
            ClientServer clients = ClientPort.bind(address, config, eventLoop, throttle, operations);
            log.info("Serving clients address={} mode=standalone tickTime={}", clients.localAddress(),
                    config.tickTimeMillis());
            OperationsEndpoints endpoints = operations.startEndpoints(clients.localAddress().getPort());
            return new StandaloneServer(eventLoop, clients, schedulePurge(config, snapshots, logDisk), endpoints);
        } catch (InterruptedException e) {
            eventLoop.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
            eventLoop.close();
            throw e;
        }
    }

    static Optional<ScheduledExecutorService> schedulePurge(ServerConfig config, FileSnapshotStore snapshots,
                                                                    FileDisk logDisk) {
        PersistenceConfig persistence = config.persistence();
        if (persistence.purgeIntervalHours() <= 0) {
            return Optional.empty();
        }
        int retain = Math.max(Purge.MIN_RETAIN, persistence.snapRetainCount());
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "purge");
            thread.setDaemon(true);
            return thread;
        });
        purger.scheduleWithFixedDelay(() -> {
            try {
                Purge.run(snapshots, logDisk, retain);
            } catch (IOException | RuntimeException e) {
                log.warn("Purge failed; old snapshots and log segments stay until the next run", e);
            }
        }, persistence.purgeIntervalHours(), persistence.purgeIntervalHours(), TimeUnit.HOURS);
        log.info("Autopurge every purgeIntervalHours={} snapRetainCount={}", persistence.purgeIntervalHours(), retain);
        return Optional.of(purger);
    }

    /** Purges now what autopurge would: the {@code snapRetainCount} newest snapshots and the logs they need stay. */
    public static Purge.Result purge(Path dataDir, Path dataLogDir, int snapRetainCount) {
        try {
            FileSnapshotStore snapshots = new FileSnapshotStore(new FileDisk(dataDir.resolve(VERSION_DIR)),
                    FileSnapshotStore.Compression.NONE);
            return Purge.run(snapshots, new FileDisk(dataLogDir.resolve(VERSION_DIR)), snapRetainCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound client port, useful when the configuration asked for port 0. */
    public int clientPort() {
        return clients.localAddress().getPort();
    }

    /** The zxid of the last applied transaction, read on the member's thread. */
    public long lastZxid() throws InterruptedException {
        return eventLoop.inspect(Pipeline::lastAppliedZxid);
    }

    /** Client connections open on the client port right now (sockets, with or without a session). */
    public int openClientConnections() {
        return clients.openConnections();
    }

    /** Connections the member's pipeline still tracks, read on the member's thread. */
    public int memberConnections() throws InterruptedException {
        return eventLoop.inspect(Pipeline::connectionCount);
    }

    /** The AdminServer's bound port, empty when it is disabled or could not bind. */
    public OptionalInt adminPort() {
        return endpoints.adminPort();
    }

    /** The Prometheus metrics page's bound port, empty when no metrics provider is configured. */
    public OptionalInt metricsPort() {
        return endpoints.metricsPort();
    }

    @Override
    public void close() {
        purger.ifPresent(ScheduledExecutorService::shutdownNow);
        endpoints.close();
        clients.close();
        eventLoop.close();
        log.info("Stopped");
    }
}
