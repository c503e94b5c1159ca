package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.OperationsEndpoints;
import dev.glasshouse.engine.admin.PublishedQuorumStatus;
import dev.glasshouse.engine.net.ClientServer;
import dev.glasshouse.engine.net.NettyPeerTransport;
import dev.glasshouse.engine.net.PeerAddress;
import dev.glasshouse.engine.net.PeerLimits;
import dev.glasshouse.engine.net.PeerTransport;
import dev.glasshouse.engine.net.RequestThrottle;
import dev.glasshouse.engine.persist.EpochFiles;
import dev.glasshouse.engine.persist.FileDisk;
import dev.glasshouse.engine.persist.FileSnapshotStore;
import dev.glasshouse.engine.persist.FileTxnLog;
import dev.glasshouse.engine.persist.Recovery;
import dev.glasshouse.engine.persist.ReplicatedLogReader;
import dev.glasshouse.engine.persist.Snapshot;
import dev.glasshouse.engine.quorum.ElectionTimings;
import dev.glasshouse.engine.quorum.Epochs;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.Recovered;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.ZabTimings;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.PipelineSettings;
import dev.glasshouse.engine.request.ReplayedState;
import dev.glasshouse.engine.server.config.EnsembleConfig;
import dev.glasshouse.engine.server.config.EnsembleMember;
import dev.glasshouse.engine.server.config.PersistenceConfig;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running member of a replicated ensemble: its newest snapshot, the transaction log after it and
 * its epoch files recovered from disk, the peer transport on its quorum and election ports, the
 * client listener, and the event loop that drives the replica and the pipeline. The composition
 * root of an ensemble member process. The member starts from its snapshot's tree; the log after it
 * is applied as the replica commits it, once the member has rejoined a quorum; until then it does
 * not serve clients.
 */
public final class ReplicatedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicatedServer.class);
    /**
     * Peer messages waiting for the event loop before the transport stops reading from peers: a
     * member that falls behind (a slow disk, a long GC) slows its leader's link down through TCP
     * instead of queueing without bound. A leader's own queue to it is bounded too and drops.
     */
    private static final int PEER_INPUT_LIMIT = 10_000;

    private final ReplicatedEventLoop eventLoop;
    private final ClientServer clients;
    private final OperationsEndpoints endpoints;
    /** Autopurge ({@code autopurge.purgeInterval}), when configured. */
    private final Optional<ScheduledExecutorService> purger;

    private ReplicatedServer(ReplicatedEventLoop eventLoop, ClientServer clients, OperationsEndpoints endpoints,
                             Optional<ScheduledExecutorService> purger) {
        this.eventLoop = eventLoop;
        this.clients = clients;
        this.endpoints = endpoints;
        this.purger = purger;
    }

    /** Recovers, binds every port, starts the first election and returns. */
    public static ReplicatedServer start(ServerConfig config) {
        return start(config, event -> { });
    }

    /** Like {@link #start(ServerConfig)}, telling {@code events} of every replica event on the member's thread. */
    public static ReplicatedServer start(ServerConfig config, Consumer<ReplicaEvent> events) {
        EnsembleConfig ensemble = config.ensemble().orElseThrow(() ->
                new IllegalArgumentException("configuration has no server.N lines"));
        Clock clock = new SystemClock();
        PersistenceConfig persistence = config.persistence();
        MemberId self = MemberId.of(ensemble.myId());
        FileDisk logDisk;
        EpochFiles epochFiles;
        FileSnapshotStore snapshots;
        Recovered recovered;
        ReplayedState restored;
        try {
            logDisk = new FileDisk(config.dataLogDir().resolve(StandaloneServer.VERSION_DIR));
            FileDisk dataDisk = new FileDisk(config.dataDir().resolve(StandaloneServer.VERSION_DIR));
            epochFiles = new EpochFiles(dataDisk);
            snapshots = new FileSnapshotStore(dataDisk,
                    FileSnapshotStore.Compression.parse(persistence.snapshotCompression()));
            snapshots.removeLeftovers();
            Optional<Snapshot> newest = snapshots.loadNewest();
            Zxid snapshotZxid = newest.map(snapshot -> new Zxid(snapshot.zxid())).orElse(Zxid.ZERO);
            if (newest.isPresent() && snapshotZxid.epoch() == 0) {
                throw new IOException("Snapshot " + snapshotZxid + " in " + dataDisk.dir() + " was written by a"
                        + " standalone member (epoch 0). A replicated member cannot start from a standalone member's"
                        + " data directory: move it aside and restart this member so that it copies a fresh state"
                        + " from the other members.");
            }
            List<Proposal> entries = ReplicatedLogReader.readAfter(logDisk, snapshotZxid);
            Zxid lastZxid = entries.isEmpty() ? snapshotZxid : entries.get(entries.size() - 1).zxid();
            // Only the snapshot is applied now: the log after it may hold transactions never committed.
            recovered = new Recovered(epochsCovering(epochFiles, lastZxid), snapshotZxid, entries);
            restored = newest.map(snapshot -> Recovery.restore(snapshot, clock.nowMillis()))
                    .orElseGet(ReplayedState::empty);
        } catch (IOException e) {
            log.error("Cannot start: {}", e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
        log.info("Recovered myid={} acceptedEpoch={} currentEpoch={} snapshotZxid={} logEntries={}", self.value(),
                recovered.epochs().acceptedEpoch(), recovered.epochs().currentEpoch(), recovered.snapshotZxid(),
                recovered.log().size());
        QuorumVerifier verifier = verifier(ensemble);
        ZabTimings timings = new ZabTimings(ElectionTimings.DEFAULT, config.tickTimeMillis(), ensemble.initLimit(),
                ensemble.syncLimit());
        Replica replica = new Replica(self, verifier, recovered, timings);
        PipelineSettings settings = new PipelineSettings(ensemble.myId(), config.minSessionTimeoutMillis(),
                config.maxSessionTimeoutMillis(), config.extendedTypesEnabled(), config.containerCheckIntervalMillis(),
                config.containerMaxPerMinute(), config.enforceQuota());
        DigestAuthenticator authenticator = new DigestAuthenticator(config.superDigest());
        Function<ReplayedState, Pipeline> pipelines = state -> new Pipeline(settings, authenticator,
                new SecureRandom(), clock.nowMillis(), state);
        Pipeline pipeline = pipelines.apply(restored);
        long lastZxid = recovered.log().isEmpty() ? recovered.snapshotZxid().value()
                : recovered.log().get(recovered.log().size() - 1).zxid().value();
        FileTxnLog txnLog = new FileTxnLog(logDisk, persistence.preAllocSizeKb() * 1024, persistence.forceSync(),
                lastZxid);
        RequestThrottle throttle = new RequestThrottle(config.globalOutstandingLimit());
        RequestThrottle peerInput = new RequestThrottle(PEER_INPUT_LIMIT);
        // Timers run often enough for the election's 200 ms waits and ZAB's pings every half tick.
        long tickMillis = Math.max(5, Math.min(50, config.tickTimeMillis() / 4));
        QuorumStateView view = new QuorumStateView(ensemble);
        PublishedQuorumStatus quorumStatus = new PublishedQuorumStatus(view.build(replica, false, false,
                java.util.Set.of(), 0));
        ReplicatedEventLoop eventLoop = new ReplicatedEventLoop(replica, pipeline, clock,
                new ReplicatedSetup(self, tickMillis, txnLog, epochs -> writeEpochs(epochFiles, epochs),
                        snapshots, persistence.snapCount(), new SecureRandom().nextLong(), pipelines,
                        persistence.fsyncWarningThresholdMillis(), throttle::finished, peerInput::finished, events,
                        view, quorumStatus,
                        ensemble.readOnlyMode()),
                receiver -> startTransport(self, ensemble, receiver, peerInput));
        EnsembleMember me = ensemble.self();
        int clientPort = me.clientPort().orElse(config.clientPort());
        InetSocketAddress address = me.clientHost().or(config::clientPortAddress)
                .map(host -> new InetSocketAddress(host, clientPort))
                .orElseGet(() -> new InetSocketAddress(clientPort));
        Operations operations = new Operations(config, eventLoop::inspectAsync, authenticator,
                new DiskStorageStatus(config.dataDir().resolve(StandaloneServer.VERSION_DIR), logDisk.dir()),
                quorumStatus);
        try {
            ClientServer clients = ClientPort.bind(address, config, eventLoop, throttle, operations);
            eventLoop.start();
            log.info("Member started myid={} clientAddress={} members={} initLimit={} syncLimit={} tickTime={}",
                    ensemble.myId(), clients.localAddress(), ensemble.members().keySet(), ensemble.initLimit(),
                    ensemble.syncLimit(), config.tickTimeMillis());
            OperationsEndpoints endpoints = operations.startEndpoints(clients.localAddress().getPort());
            return new ReplicatedServer(eventLoop, clients, endpoints,
                    StandaloneServer.schedulePurge(config, snapshots, logDisk));
        } catch (InterruptedException e) {
            eventLoop.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
            eventLoop.close();
            throw e;
        }
    }

    /**
     * The member's epoch files, raised to the epoch of its newest transaction when they are behind
     * it: a member accepts an epoch before it logs any transaction of it, so only a data directory
     * restored from a snapshot, or whose epoch files were lost, gets here. Without epoch files both
     * become that epoch, as ZooKeeper does; the raised files are written down first. A new leader
     * then proposes a later epoch, so its zxids follow the restored ones.
     */
    private static Epochs epochsCovering(EpochFiles files, Zxid lastZxid) throws IOException {
        Epochs onDisk = new Epochs(files.acceptedEpoch(), files.currentEpoch());
        long epoch = lastZxid.epoch();
        if (onDisk.acceptedEpoch() >= epoch) {
            return onDisk;
        }
        Epochs covering = new Epochs(epoch, onDisk.equals(Epochs.ZERO) ? epoch : onDisk.currentEpoch());
        writeEpochs(files, covering);
        log.warn("Epoch files behind the data; raised them lastZxid={} acceptedEpoch={} currentEpoch={} (were {})",
                lastZxid, covering.acceptedEpoch(), covering.currentEpoch(), onDisk);
        return covering;
    }

    /** acceptedEpoch first: currentEpoch never exceeds it on disk either. */
    private static void writeEpochs(EpochFiles files, Epochs epochs) throws IOException {
        files.writeAcceptedEpoch(epochs.acceptedEpoch());
        files.writeCurrentEpoch(epochs.currentEpoch());
    }

    private static PeerTransport startTransport(MemberId self, EnsembleConfig ensemble, PeerTransport.Receiver receiver,
                                                RequestThrottle peerInput) {
        try {
            return NettyPeerTransport.start(self, peerAddresses(ensemble), receiver, PeerLimits.DEFAULTS, peerInput);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the quorum and election ports of member " + self
                    + " (" + e.getMessage() + "); another process may hold them", e);
        }
    }

    private static QuorumVerifier verifier(EnsembleConfig ensemble) {
        List<MemberId> voters = new ArrayList<>();
        List<MemberId> observers = new ArrayList<>();
        ensemble.members().values().forEach(member ->
                (member.observer() ? observers : voters).add(MemberId.of(member.id())));
        return new QuorumVerifier(voters, observers);
    }

    private static Map<MemberId, PeerAddress> peerAddresses(EnsembleConfig ensemble) {
        Map<MemberId, PeerAddress> addresses = new TreeMap<>();
        ensemble.members().values().forEach(member -> addresses.put(MemberId.of(member.id()), new PeerAddress(
                new InetSocketAddress(member.host(), member.quorumPort()),
                new InetSocketAddress(member.host(), member.electionPort()))));
        return addresses;
    }

    public int clientPort() {
        return clients.localAddress().getPort();
    }

    /** The zxid of the last transaction this member applied, read on the member's thread. */
    public long lastZxid() throws InterruptedException {
        return await(eventLoop.inspectAsync(Pipeline::lastAppliedZxid));
    }

    /**
     * Where the member's transaction history in memory starts: the zxid of the snapshot it last
     * compacted to or started from, or of a leader's state it installed; 0 before any. A learner
     * behind it is sent the member's state rather than its log.
     */
    public long logBaseZxid() throws InterruptedException {
        return await(eventLoop.inspectReplica(Replica::logBase)).value();
    }

    /** The answer of a look at the member's cores, taken on its event loop. */
    private static <T> T await(CompletableFuture<T> inspection) throws InterruptedException {
        try {
            return inspection.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("inspection failed", e.getCause());
        }
    }

    /**
     * Cuts the member off from every peer (true) or reconnects it (false), leaving its connections
     * open: the network partition of a failover demonstration. Clients stay connected until the
     * member notices it lost its quorum or its leader.
     */
    public void cutOff(boolean isolated) {
        eventLoop.cutOff(isolated);
    }

    /** The member's role as of its last step. */
    public Role role() {
        return eventLoop.role();
    }

    /** True while the member serves clients: an established leader or a synchronized learner. */
    public boolean isServing() {
        return eventLoop.isServing();
    }

    /** True while the member has no quorum and serves read-only clients ({@code readonlymode.enabled}). */
    public boolean isReadOnly() {
        return eventLoop.isReadOnly();
    }

    public OptionalInt adminPort() {
        return endpoints.adminPort();
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
