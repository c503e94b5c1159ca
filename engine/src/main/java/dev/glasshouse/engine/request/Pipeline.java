package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.SessionIdGenerator;
import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.session.TimeoutNegotiation;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.watch.WatchTable;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathResponse;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The request pipeline of one member: sessions, reads, writes and watches, from decoded client
 * frames to the frames and transactions the driver must handle. Pure and single-threaded: it never
 * blocks, reads no clock (time is an argument) and does no I/O, so a simulation can drive it from a
 * seeded clock and the replication layer can feed it committed transactions.
 *
 * <p>Writes are prepared into transactions and come back through {@link #onLogged} once durable
 * (standalone) or committed (ensemble); only then are they applied, their watches fired and the
 * client answered. A session's later requests wait behind its unanswered writes and syncs, which
 * gives ZooKeeper's FIFO client order and makes every notification precede the reply that shows
 * its change.
 *
 * <p>In an ensemble ({@link ServingMode}) only the leader prepares: a learner sends its clients'
 * writes, new sessions, syncs and session touches as {@link LeaderRequest}s, and recognises its
 * clients' transactions among the committed ones by session and xid ({@link RequestKey}).
 *
 * <p>The pipeline sequences its collaborators: {@link SessionAdmission} for the handshake,
 * {@link ClientWrites} and {@link ReadStage} for requests, {@link ForwardedStage} for a leader's
 * learners, {@link ApplyStage} for committed transactions and {@link ExpiryStage} for timers.
 */
public final class Pipeline {
    private final DataTree tree;
    private final SessionTable sessions;
    private final WatchTable watches = new WatchTable();
    private final PendingChanges pending;
    private final ReadStage reads;
    private final WatchStage watchStage;
    private final RequestRouter router;
    private final PendingWrites pendingWrites = new PendingWrites();
    private final SyncWaits syncs = new SyncWaits();
    private final ConnectionTable connections = new ConnectionTable(watches, pendingWrites, syncs);
    private final ServingState serving;
    private final TouchedSessions touches;
    private final SessionAdmission admission;
    private final ForwardedStage forwarded;
    private final ClientWrites writes;
    private final ApplyStage applyStage;
    private final ExpiryStage expiry;

    public Pipeline(PipelineSettings settings, Authenticator authenticator, RandomGenerator random, long nowMillis) {
        this(settings, authenticator, random, nowMillis, ReplayedState.empty());
    }

    /**
     * A pipeline that continues from state recovered at start-up: the tree, the sessions (whose
     * expiry clocks restarted at recovery) and the last zxid; new zxids and session ids follow them.
     */
    public Pipeline(PipelineSettings settings, Authenticator authenticator, RandomGenerator random, long nowMillis,
                    ReplayedState recovered) {
        this.tree = recovered.tree();
        this.sessions = recovered.sessions();
        this.pending = new PendingChanges(tree);
        this.serving = new ServingState(recovered.lastZxid());
        this.touches = new TouchedSessions(serving);
        QuotaCheck quota = new QuotaCheck(tree, settings.enforceQuota());
        PrepareStage prepare = new PrepareStage(pending, new AclFixup(authenticator), settings.extendedTypesEnabled(),
                quota);
        this.reads = new ReadStage(tree, watches);
        this.watchStage = new WatchStage(tree, watches);
        this.router = new RequestRouter(authenticator);
        SharedState shared = new SharedState(tree, sessions, watches, connections, pendingWrites, touches, serving);
        SessionIdGenerator sessionIds = new SessionIdGenerator(settings.memberId(), nowMillis);
        sessions.all().forEach(session -> sessionIds.skipPast(session.id()));
        this.admission = new SessionAdmission(shared, sessionIds, new TimeoutNegotiation(
                settings.minSessionTimeoutMillis(), settings.maxSessionTimeoutMillis()), random);
        this.forwarded = new ForwardedStage(shared, prepare, quota);
        this.writes = new ClientWrites(shared, prepare, quota, syncs);
        this.applyStage = new ApplyStage(shared);
        this.expiry = new ExpiryStage(shared, prepare, settings, nowMillis);
    }

    /** The first frame of a connection: open a new session or resume an existing one. */
    public Effects onConnect(long connectionId, String remoteAddress, ConnectRequest request, long nowMillis) {
        return admission.connect(connectionId, remoteAddress, request, nowMillis);
    }

    /** A request frame after the handshake, decoded for the opcode in its header. */
    public Effects onRequest(long connectionId, RequestHeader header, RequestBody body, long nowMillis) {
        ClientConnection connection = connections.get(connectionId);
        EffectsBuilder out = new EffectsBuilder();
        if (connection == null || connection.closing()) {
            return Effects.NONE;
        }
        Optional<OpCode> op = OpCode.fromCode(header.type());
        if (op.isPresent() && op.get() == OpCode.AUTH) {
            // Auth is answered at once, outside the session's order, as ZooKeeper's network layer does.
            router.authenticate(connection, header, body, out);
            return out.build();
        }
        connection.queue().add(new ClientConnection.Queued(header, op.orElse(null), body));
        drain(connection, nowMillis, out);
        return out.build();
    }

    private void drain(ClientConnection connection, long nowMillis, EffectsBuilder out) {
        while (!connection.queue().isEmpty() && !connection.closing()) {
            ClientConnection.Queued next = connection.queue().peek();
            boolean write = next.op() != null && next.op().isWrite();
            if (connection.awaitingSession() || (!write && connection.outstandingWrites() > 0)) {
                return;
            }
            connection.queue().poll();
            admission.keepAlive(connection.sessionId(), nowMillis);
            dispatch(connection, next, nowMillis, out);
        }
    }

    private void dispatch(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                          EffectsBuilder out) {
        RequestRouter.Route route = router.route(request);
        int xid = request.header().xid();
        long lastAppliedZxid = serving.lastAppliedZxid();
        if (route != RequestRouter.Route.REJECT && admission.sessionGone(connection.sessionId())) {
            out.send(connection.id(), Frames.header(xid, lastAppliedZxid, -112));
            return;
        }
        if (serving.is(ServingMode.READ_ONLY) && changesState(route, request.op())) {
            answerReadOnly(connection, route, xid, out);
            return;
        }
        if (route == RequestRouter.Route.READ && request.op() == OpCode.SYNC && !serving.is(ServingMode.STANDALONE)) {
            writes.sync(connection, request, out);
            return;
        }
        switch (route) {
            case WRITE -> writes.write(connection, request, nowMillis, out);
            case CLOSE -> writes.closeSession(connection, request, nowMillis, out);
            case READ -> out.send(connection.id(), Frames.reply(xid, lastAppliedZxid,
                    reads.read(request.op(), request.body(), connection.context())));
            case WATCH -> router.watch(watchStage, connection, request, lastAppliedZxid, out);
            // ZooKeeper answers every ping with xid -2, whatever xid the client used.
            case PING -> out.send(connection.id(), Frames.header(RequestHeader.PING_XID, lastAppliedZxid, 0));
            case REJECT -> router.reject(connection, request, out);
        }
        if (route == RequestRouter.Route.REJECT) {
            connections.forget(connection.id());
        }
    }

    private static boolean changesState(RequestRouter.Route route, OpCode op) {
        return route == RequestRouter.Route.WRITE || route == RequestRouter.Route.CLOSE || op == OpCode.SYNC;
    }

    /** Read-only: a session of this member's closes here; every other write or sync is NOTREADONLY. */
    private void answerReadOnly(ClientConnection connection, RequestRouter.Route route, int xid, EffectsBuilder out) {
        long sessionId = connection.sessionId();
        if (route == RequestRouter.Route.CLOSE && admission.closeReadOnly(sessionId)) {
            out.send(connection.id(), Frames.header(xid, serving.lastAppliedZxid(), 0));
            connections.forget(connection.id());
            out.disconnect(connection.id(), "read-only session 0x" + Long.toHexString(sessionId) + " closed");
            return;
        }
        out.send(connection.id(), Frames.header(xid, serving.lastAppliedZxid(), ErrorCode.NOT_READ_ONLY.code()));
    }

    /**
     * On the leader, a learner's request: a new session or a write is prepared into a transaction
     * for the driver to propose; touches keep sessions alive. Ignored in any other mode: a request
     * that reached a member after it stopped leading dies with the learner's connection.
     * {@link LeaderRequest.Sync} is the driver's, which confirms leadership and answers with a
     * {@link SyncPoint}.
     */
    public Effects onLeaderRequest(LeaderRequest request, long nowMillis) {
        if (!serving.is(ServingMode.LEADING)) {
            return Effects.NONE;
        }
        return forwarded.handle(request, nowMillis);
    }

    /** The leader's answer to one of this member's syncs. */
    public Effects onSyncPoint(SyncPoint point, long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        syncs.reached(point, serving.lastAppliedZxid()).forEach(waiting -> answerSync(waiting, nowMillis, out));
        return out.build();
    }

    private void answerSync(SyncWaits.Waiting waiting, long nowMillis, EffectsBuilder out) {
        ClientConnection connection = connections.get(waiting.connectionId());
        if (connection == null) {
            return;
        }
        connection.writeFinished();
        out.send(connection.id(), Frames.reply(waiting.xid(), serving.lastAppliedZxid(),
                Reply.ok(new PathResponse(waiting.path()))));
        drain(connection, nowMillis, out);
    }

    /** On a learner, the sessions its clients kept alive since the last call, for the leader; empty if none. */
    public Optional<LeaderRequest.Touches> drainTouches() {
        return touches.drain();
    }

    /**
     * The member became the ensemble's established leader, after applying its initial history: from
     * now on it prepares with zxids from {@code nextZxid} on, expires sessions (each gets a full
     * timeout from now) and reaps containers. Called while no client is connected.
     */
    public void serveAsLeader(long nextZxid, long nowMillis) {
        serving.leadFrom(nextZxid);
        serving.serve(ServingMode.LEADING);
        pending.clear();
        admission.forgetReadOnlySessions();
        sessions.restartClocks(nowMillis);
        expiry.restart(nowMillis);
    }

    /** The member follows or observes a leader: it forwards writes and applies what the leader commits. */
    public void serveAsLearner() {
        serveAgain(ServingMode.LEARNING);
    }

    /** The member lost its quorum and serves read-only clients from its last state. Called while no client is connected. */
    public void serveReadOnly() {
        serveAgain(ServingMode.READ_ONLY);
    }

    private void serveAgain(ServingMode mode) {
        serving.serve(mode);
        pending.clear();
        touches.clear();
        admission.forgetReadOnlySessions();
    }

    public ServingMode mode() {
        return serving.mode();
    }

    /** The zxid of the last transaction this member prepared or applied. */
    public long lastPreparedZxid() {
        return serving.lastPreparedZxid();
    }

    /** A transaction is durable: apply it, fire its watches, then answer whoever waits for it. */
    public Effects onLogged(Transaction transaction, long nowMillis) {
        serving.applied(transaction.zxid());
        pending.applied(transaction.zxid());
        EffectsBuilder out = new EffectsBuilder();
        PendingWrite waiting = pendingWrites.take(new RequestKey(transaction.sessionId(), transaction.cxid()));
        applyStage.apply(transaction, waiting, nowMillis, out).ifPresent(answered -> drain(answered, nowMillis, out));
        syncs.applied(serving.lastAppliedZxid()).forEach(sync -> answerSync(sync, nowMillis, out));
        return out.build();
    }

    /** The network layer closed a connection; its watches go, its session lives on until it expires. */
    public Effects onDisconnected(long connectionId) {
        connections.forget(connectionId);
        return Effects.NONE;
    }

    /** Timers, except on a learner: expire sessions whose deadline passed, and reap empty containers and expired TTL nodes. */
    public Effects onTick(long nowMillis) {
        if (serving.is(ServingMode.LEARNING)) {
            // The leader owns expiry and reaping; it hears of this member's sessions through touches.
            return Effects.NONE;
        }
        if (serving.is(ServingMode.READ_ONLY)) {
            return admission.expireReadOnly(nowMillis);
        }
        return expiry.onTick(nowMillis);
    }

    public DataTree tree() {
        return tree;
    }

    public SessionTable sessions() {
        return sessions;
    }

    public WatchTable watches() {
        return watches;
    }

    public long lastAppliedZxid() {
        return serving.lastAppliedZxid();
    }

    public int connectionCount() {
        return connections.count();
    }

    /**
     * The session of each open connection, 0 while its session is still being created; for the
     * admin views, which join it with the network layer's per-connection statistics.
     */
    public Map<Long, Long> sessionsByConnection() {
        return connections.sessionsByConnection();
    }
}
