package dev.glasshouse.engine.server;

import dev.glasshouse.engine.net.ClientChannel;
import dev.glasshouse.engine.net.ClientListener;
import dev.glasshouse.engine.net.PeerEnvelope;
import dev.glasshouse.engine.net.PeerTransport;
import dev.glasshouse.engine.persist.GroupCommitter;
import dev.glasshouse.engine.persist.TxnCodec;
import dev.glasshouse.engine.quorum.Effects;
import dev.glasshouse.engine.quorum.LeadershipConfirmed;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.StateImage;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.ServingMode;
import dev.glasshouse.engine.request.SyncPoint;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The single thread that owns an ensemble member's {@link Replica} and {@link Pipeline}. Client
 * frames, peer messages, log-sync completions and timer ticks all arrive as tasks on this thread;
 * each step calls the core and performs the returned effects in their documented order.
 *
 * <p>How the two cores meet:
 * <ul>
 *   <li>The leader's pipeline prepares each write into a {@link Transaction} numbered with the
 *       zxid the replica will give it, and the replica proposes its bytes ({@link TxnCodec}).
 *       Learners' pipelines send their writes, new sessions, syncs and session touches to the
 *       leader as {@link LeaderRequest}s.</li>
 *   <li>Whatever the replica logs goes to the {@link GroupCommitter}; its durable batches come
 *       back as {@link Replica#onLogSynced}, which is what allows acknowledgements.</li>
 *   <li>Whatever the replica commits is decoded and applied by the pipeline, which answers the
 *       clients of this member whose requests it recognises.</li>
 *   <li>Every {@code snapCount} or so applied transactions the member writes a snapshot in the
 *       background; once it is durable the replica drops the transactions it covers from memory
 *       ({@link Replica#compact}). A learner the leader can no longer bring up to date from its log
 *       gets the leader's state as an image (SNAP), which it installs as its own.</li>
 *   <li>A sync is answered only after the leader confirmed, by a quorum round trip, that it still
 *       leads ({@link Replica#confirmLeadership}); the {@link SyncPoint} it returns makes the
 *       member apply at least that far before answering. A deposed leader can never confirm.</li>
 * </ul>
 * Clients are served only while the replica serves (an established leader, a synchronized
 * learner). When that ends, every client connection is closed, as ZooKeeper does; the clients
 * reconnect, to this member once it serves again or to another, and keep their sessions.
 *
 * <p>If the log fails, or a step fails on a bug, the member stops: it closes its connections, leaves
 * the ensemble and acknowledges nothing more; what is on disk is judged by recovery at the next start.
 */
final class ReplicatedEventLoop implements ClientListener, PeerTransport.Receiver, GroupCommitter.Listener,
        AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicatedEventLoop.class);

    private final MemberId self;
    private final Replica replica;
    /** Replaced only when a leader's state is installed (SNAP), while no client is served. */
    private Pipeline pipeline;
    private final Clock clock;
    private final ReplicatedSetup setup;
    private final ScheduledExecutorService thread;
    private final ClientChannels channels = new ClientChannels();
    private final GroupCommitter committer;
    private final SnapshotScheduler snapshots;
    private final StateTransfer stateTransfer;
    private final MemberEvents events;
    private final PeerTransport transport;
    private final SyncConfirmations syncsAwaitingConfirmation = new SyncConfirmations();
    private ClientService service = ClientService.NONE;
    /** {@link #service} for other threads, published at the end of each change. */
    private volatile ClientService published = ClientService.NONE;
    /** True once the member served in an ensemble since it started: only then has it a state to show read-only. */
    private boolean everServed;
    private boolean failed;
    /** Cut off from its peers by an operator or a test: every peer message in or out is dropped. */
    private boolean cutOff;

    ReplicatedEventLoop(Replica replica, Pipeline pipeline, Clock clock, ReplicatedSetup setup,
                        Function<PeerTransport.Receiver, PeerTransport> transportFactory) {
        this.self = setup.self();
        this.replica = replica;
        this.pipeline = pipeline;
        this.clock = clock;
        this.setup = setup;
        this.thread = EventLoopThread.start(String.valueOf(self.value()));
        this.committer = new GroupCommitter(setup.txnLog(), this, setup.fsyncWarningMillis(), String.valueOf(self.value()));
        // Once a snapshot is durable, the replica can let go of the transactions it covers.
        this.snapshots = new SnapshotScheduler(setup.snapshots(), setup.snapCount(),
                new SplittableRandom(setup.randomSeed()), committer::roll,
                zxid -> submit(() -> replica.compact(new Zxid(zxid))));
        this.stateTransfer = new StateTransfer(setup.snapshots(), setup.pipelines());
        this.events = new MemberEvents(self, setup.view(), setup.events());
        // Until it leads, a member prepares nothing; its history may jump from epoch to epoch.
        pipeline.serveAsLearner();
        this.transport = transportFactory.apply(this);
        thread.execute(() -> MDC.put("member", String.valueOf(self.value())));
    }

    /** Starts the first election and the timers. */
    void start() {
        thread.execute(() -> step(() -> perform(replica.start(clock.nowMillis()))));
        thread.scheduleWithFixedDelay(this::tick, setup.tickMillis(), setup.tickMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- inputs, on other threads: enqueue only ----

    @Override
    public void connected(ClientChannel channel, ConnectRequest request) {
        submit(() -> {
            if (!service.servesClients() || failed) {
                // ZooKeeper closes connections while it has no leader to serve with; the client tries another member.
                channel.closeAfterFlush();
                return;
            }
            channels.add(channel);
            performPipeline(pipeline.onConnect(channel.id(), channel.remoteAddress(), request, clock.nowMillis()));
        });
    }

    @Override
    public void request(long connectionId, RequestHeader header, RequestBody body) {
        submit(() -> {
            try {
                performPipeline(pipeline.onRequest(connectionId, header, body, clock.nowMillis()));
            } finally {
                setup.requestFinished().run();
            }
        });
    }

    @Override
    public void disconnected(long connectionId) {
        submit(() -> {
            channels.remove(connectionId);
            performPipeline(pipeline.onDisconnected(connectionId));
        });
    }

    @Override
    public void received(PeerEnvelope envelope) {
        submit(() -> {
            try {
                onPeer(envelope);
            } finally {
                setup.peerMessageFinished().run();
            }
        });
    }

    @Override
    public void linkClosed(MemberId peer) {
        submit(() -> {
            boolean fromLeader = replica.leader().map(vote -> vote.leader().equals(peer)).orElse(false);
            if (!cutOff && fromLeader && service.role() != Role.LEADING && service.role() != Role.LOOKING) {
                log.info("Connection from leader {} closed; looking for a leader", peer);
                perform(replica.onLeaderLost(clock.nowMillis()));
            }
        });
    }

    /**
     * Cuts this member off from its peers, or reconnects it: a network partition on demand, with
     * every connection left open so that nobody notices but by silence, the hardest case for a
     * deposed leader. For failover demonstrations and tests.
     */
    void cutOff(boolean isolated) {
        submit(() -> {
            cutOff = isolated;
            log.warn(isolated ? "Cut off from every peer on request" : "Reconnected to the peers on request");
        });
    }

    private void sendPeer(PeerEnvelope envelope) {
        if (!cutOff) {
            transport.send(envelope);
        }
    }

    /** On the sync thread: the batch is durable; tell the replica on the event loop. */
    @Override
    public void durable(List<Transaction> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Zxid through = new Zxid(batch.get(batch.size() - 1).zxid());
        submit(() -> perform(replica.onLogSynced(through, clock.nowMillis())));
    }

    /** On the sync thread: the log cannot keep its promise any more. */
    @Override
    public void failed(IOException cause) {
        log.error("Transaction log failed; this member leaves the ensemble and acknowledges nothing more. Check the"
                + " disk of the data log directory (full, read-only, failing), then restart the member.", cause);
        submit(this::leave);
    }

    private void tick() {
        submit(() -> {
            long now = clock.nowMillis();
            perform(replica.onTick(now));
            if (service.servesClients()) {
                // Session expiry on a leader, read-only sessions' expiry on a member without quorum.
                dev.glasshouse.engine.request.Effects expiries = pipeline.onTick(now);
                if (service.role() == Role.LEADING) {
                    events.expiring(expiries.toLog(), now);
                }
                performPipeline(expiries);
            }
            if (service.serving() && pipeline.mode() == ServingMode.LEARNING) {
                pipeline.drainTouches().ifPresent(this::toLeader);
            }
            publishStatus();
        });
    }

    private void submit(Runnable task) {
        try {
            thread.execute(() -> step(task));
        } catch (RejectedExecutionException e) {
            log.debug("Input after stop dropped");
        }
    }

    // The event-loop boundary: a bug surfaces as one ERROR line here instead of killing the thread.
    private void step(Runnable task) {
        if (failed) {
            return;
        }
        try {
            task.run();
            channels.flush();
        } catch (RuntimeException | Error e) {
            // The replica and the pipeline may disagree after a step that broke off halfway, so the
            // member must not go on acknowledging: it leaves, and the others carry on without it.
            log.error("Member event loop failed on a bug; this member stops serving and leaves the ensemble. Its"
                    + " data stays on disk as it was: restart the member to recover from it.", e);
            leave();
        }
    }

    /** Stops serving and leaves the ensemble: clients and peers are disconnected, nothing more is done. */
    private void leave() {
        failed = true;
        service = service.stopped();
        published = service;
        channels.closeAll();
        transport.close();
    }

    // ---- peers ----

    private void onPeer(PeerEnvelope envelope) {
        if (cutOff) {
            return;
        }
        long now = clock.nowMillis();
        if (envelope instanceof PeerEnvelope.Replication replication) {
            perform(replica.onPeerMessage(replication.message(), now));
        } else if (envelope instanceof PeerEnvelope.ToLeader toLeader) {
            onLeaderRequest(toLeader.from(), toLeader.request());
        } else if (envelope instanceof PeerEnvelope.SyncReached reached
                && replica.leader().map(vote -> vote.leader().equals(reached.from())).orElse(false)) {
            performPipeline(pipeline.onSyncPoint(reached.point(), now));
        }
    }

    private void onLeaderRequest(MemberId from, LeaderRequest request) {
        if (request instanceof LeaderRequest.Sync sync) {
            if (service.role() != Role.LEADING || !service.serving()) {
                return;
            }
            long token = syncsAwaitingConfirmation.register(from, sync, replica.lastLoggedZxid().value());
            perform(replica.confirmLeadership(token, clock.nowMillis()));
        } else {
            performPipeline(pipeline.onLeaderRequest(request, clock.nowMillis()));
        }
    }

    private void toLeader(LeaderRequest request) {
        if (service.role() == Role.LEADING) {
            onLeaderRequest(self, request);
            return;
        }
        replica.leader().ifPresent(vote -> sendPeer(new PeerEnvelope.ToLeader(self, vote.leader(), request)));
    }

    // ---- effects ----

    /** Performs the replica's effects in their documented order, then follows a change of role. */
    private void perform(Effects effects) {
        if (effects.isEmpty()) {
            return;
        }
        if (effects.install().isPresent() && !install(effects.install().get())) {
            return;
        }
        effects.truncateTo().ifPresent(to -> committer.truncate(to.value()));
        if (!effects.toLog().isEmpty()) {
            committer.append(effects.toLog().stream().map(ReplicatedEventLoop::decode).toList());
        }
        if (effects.toPersist().isPresent()) {
            try {
                setup.epochs().write(effects.toPersist().get());
            } catch (IOException e) {
                // Without its epoch files a member could accept two leaders in one epoch: stop instead.
                failed(e);
                return;
            }
        }
        // A SNAP carries the state after this call's commits, so those go first; otherwise sending
        // first gets COMMITs and proposals to the learners a little sooner.
        boolean applyFirst = effects.needsImage();
        if (applyFirst) {
            apply(effects.toCommit());
        }
        for (PeerMessage message : effects.toSend()) {
            sendPeer(new PeerEnvelope.Replication(stateTransfer.attachState(message, pipeline)));
        }
        if (!applyFirst) {
            apply(effects.toCommit());
        }
        for (LeadershipConfirmed confirmed : effects.confirmed()) {
            answerSync(confirmed);
        }
        effects.abandoned().forEach(syncsAwaitingConfirmation::abandoned);
        effects.events().forEach(events::report);
        followRole();
    }

    private void apply(List<Proposal> committed) {
        if (committed.isEmpty()) {
            return;
        }
        long now = clock.nowMillis();
        for (Proposal proposal : committed) {
            Transaction transaction = decode(proposal);
            performPipeline(pipeline.onLogged(transaction, now));
            events.applied(transaction, proposal.zxid(), now);
        }
        snapshots.applied(committed.size(), pipeline);
    }

    /** Installs a leader's state, then empties the log; a failure stops the member as a failed log does. */
    private boolean install(StateImage image) {
        try {
            pipeline = stateTransfer.install(image, clock.nowMillis());
        } catch (IOException e) {
            log.error("Cannot install the leader's state at {}: {}", image.zxid(), e.getMessage());
            failed(e);
            return false;
        }
        pipeline.serveAsLearner();
        committer.truncate(0);
        return true;
    }

    private void answerSync(LeadershipConfirmed confirmed) {
        syncsAwaitingConfirmation.confirmed(confirmed).ifPresent(answer -> {
            if (answer.to().equals(self)) {
                performPipeline(pipeline.onSyncPoint(answer.point(), clock.nowMillis()));
            } else {
                sendPeer(new PeerEnvelope.SyncReached(self, answer.to(), answer.point()));
            }
        });
    }

    /**
     * Starts or stops serving clients when the replica's role or readiness changed. With
     * {@code readonlymode.enabled}, a member that is looking for a leader serves read-only clients
     * from its last state, once it has been in sync with an ensemble since it started (its tree is
     * rebuilt from committed transactions only, so before that it has nothing to show).
     */
    private void followRole() {
        ClientService next = ClientService.of(replica.role(), replica.isServing(), failed,
                setup.readOnlyMode() && everServed);
        if (next.equals(service)) {
            return;
        }
        if (service.servesClients()) {
            log.info("Stopped serving clients role={} closing={}", next.role(), channels.ids().size());
            for (long connectionId : channels.ids()) {
                pipeline.onDisconnected(connectionId);
            }
            channels.closeAll();
            syncsAwaitingConfirmation.clear();
        }
        service = next;
        everServed |= next.serving();
        if (next.serving() && next.role() == Role.LEADING) {
            pipeline.serveAsLeader(replica.nextProposalZxid().orElseThrow().value(), clock.nowMillis());
            log.info("Serving clients as leader epoch={}", replica.epoch());
        } else if (next.serving()) {
            pipeline.serveAsLearner();
            log.info("Serving clients as {} of {} epoch={}", next.role(),
                    replica.leader().map(v -> v.leader()).orElse(null), replica.epoch());
        } else if (next.readOnly()) {
            pipeline.serveReadOnly();
            log.info("No quorum: serving read-only clients from zxid 0x{}", Long.toHexString(pipeline.lastAppliedZxid()));
        } else {
            // Until it leads again, the member prepares nothing.
            pipeline.serveAsLearner();
        }
        published = next;
        publishStatus();
    }

    /** Performs the pipeline's effects: frames out, transactions to propose, requests to the leader. */
    private void performPipeline(dev.glasshouse.engine.request.Effects effects) {
        if (effects.isEmpty()) {
            return;
        }
        effects.warnings().forEach(line -> log.warn("{}", line));
        effects.toSend().forEach(channels::perform);
        for (Transaction transaction : effects.toLog()) {
            propose(transaction);
        }
        effects.toLeader().forEach(this::toLeader);
    }

    private void propose(Transaction transaction) {
        if (service.role() != Role.LEADING || !replica.isServing()) {
            // Leadership ended within this step; the waiting clients are being disconnected.
            return;
        }
        Zxid expected = replica.nextProposalZxid().orElseThrow();
        if (expected.value() != transaction.zxid()) {
            throw new IllegalStateException("pipeline prepared 0x" + Long.toHexString(transaction.zxid())
                    + " but the replica proposes " + expected);
        }
        perform(replica.propose(TxnCodec.encode(transaction), clock.nowMillis()));
    }

    private static Transaction decode(Proposal proposal) {
        return TxnCodec.decode(proposal.zxid().value(), proposal.payload());
    }

    private void publishStatus() {
        setup.status().publish(setup.view().build(replica, service.serving(), service.readOnly(),
                transport.connectedPeers(),
                syncsAwaitingConfirmation.size()));
    }

    // ---- inspection and lifecycle ----

    /** The member's role as of its last step; any thread. */
    Role role() {
        return published.role();
    }

    /** True while the member serves clients; any thread. */
    boolean isServing() {
        return published.serving();
    }

    /** True while the member, without a quorum, serves read-only clients; any thread. */
    boolean isReadOnly() {
        return published.readOnly();
    }

    /** Runs a read-only look at the member's cores on the event-loop thread. */
    <T> CompletableFuture<T> inspectAsync(Function<Pipeline, T> view) {
        return CompletableFuture.supplyAsync(() -> view.apply(pipeline), thread);
    }

    /** Like {@link #inspectAsync} for the replica. */
    <T> CompletableFuture<T> inspectReplica(Function<Replica, T> view) {
        return CompletableFuture.supplyAsync(() -> view.apply(replica), thread);
    }

    /** Leaves the ensemble: closes peer links and client connections, syncs the log and stops. */
    @Override
    public void close() {
        transport.close();
        try {
            thread.submit(() -> {
                failed = true;
                channels.closeAll();
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RejectedExecutionException e) {
            log.debug("Closing connections at stop", e);
        }
        committer.close();
        snapshots.close();
        EventLoopThread.stop(thread);
    }
}
