package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.Session;
import dev.glasshouse.engine.session.SessionIdGenerator;
import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.session.TimeoutNegotiation;
import dev.glasshouse.engine.tree.AclCheck;
import dev.glasshouse.engine.tree.Applied;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.TreeChange;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.watch.WatchEvent;
import dev.glasshouse.engine.watch.WatchTable;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathRequest;
import dev.glasshouse.engine.wire.PathResponse;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 */
public final class Pipeline {
    private final PipelineSettings settings;
    private final RandomGenerator random;
    private final DataTree tree;
    private final SessionTable sessions;
    private final WatchTable watches = new WatchTable();
    private final PendingChanges pending;
    private final PrepareStage prepare;
    private final QuotaCheck quota;
    private final ReadStage reads;
    private final WatchStage watchStage;
    private final RequestRouter router;
    private final TimeoutNegotiation negotiation;
    private final SessionIdGenerator sessionIds;
    private final Map<Long, ClientConnection> connections = new HashMap<>();
    private final Map<Long, Long> connectionBySession = new HashMap<>();
    private final PendingWrites pendingWrites = new PendingWrites();
    private final SyncWaits syncs = new SyncWaits();
    /** Sessions that showed life here since the last report to the leader (learners only). */
    private final LinkedHashSet<Long> touchedSessions = new LinkedHashSet<>();
    private ServingMode mode = ServingMode.STANDALONE;
    /** Sessions opened while read-only: this member's alone, forgotten when it serves again. */
    private SessionTable readOnlySessions = new SessionTable();
    private long lastPreparedZxid;
    private long lastAppliedZxid;
    private long nextReapMillis;

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
        this.lastAppliedZxid = recovered.lastZxid();
        this.lastPreparedZxid = recovered.lastZxid();
        this.settings = settings;
        this.random = random;
        this.quota = new QuotaCheck(tree, settings.enforceQuota());
        this.prepare = new PrepareStage(pending, new AclFixup(authenticator), settings.extendedTypesEnabled(), quota);
        this.reads = new ReadStage(tree, watches);
        this.watchStage = new WatchStage(tree, watches);
        this.router = new RequestRouter(authenticator);
        this.negotiation = new TimeoutNegotiation(settings.minSessionTimeoutMillis(),
                settings.maxSessionTimeoutMillis());
        this.sessionIds = new SessionIdGenerator(settings.memberId(), nowMillis);
        sessions.all().forEach(session -> sessionIds.skipPast(session.id()));
        this.nextReapMillis = nowMillis + settings.containerCheckIntervalMillis();
    }

    /** The first frame of a connection: open a new session or resume an existing one. */
    public Effects onConnect(long connectionId, String remoteAddress, ConnectRequest request, long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        ClientConnection connection = new ClientConnection(connectionId, remoteAddress, request.legacy());
        if (request.lastZxidSeen() > lastAppliedZxid) {
            // The client saw a newer state than ours; it must find a member that has it.
            out.disconnect(connectionId, "client has seen zxid 0x" + Long.toHexString(request.lastZxidSeen())
                    + ", ahead of our 0x" + Long.toHexString(lastAppliedZxid));
            return out.build();
        }
        connections.put(connectionId, connection);
        int timeoutMillis = negotiation.negotiate(request.timeoutMillis());
        if (mode == ServingMode.READ_ONLY) {
            connectReadOnly(connection, request, timeoutMillis, nowMillis, out);
        } else if (request.sessionId() == 0) {
            openSession(connection, timeoutMillis, nowMillis, out);
        } else {
            resumeSession(connection, request, timeoutMillis, nowMillis, out);
        }
        return out.build();
    }

    private void openSession(ClientConnection connection, int timeoutMillis, long nowMillis, EffectsBuilder out) {
        byte[] password = new byte[ConnectResponse.PASSWORD_BYTES];
        random.nextBytes(password);
        long sessionId = sessionIds.next();
        connection.awaitSession();
        pendingWrites.add(new RequestKey(sessionId, 0), new PendingWrite(connection.id(), 0, OpCode.CREATE_SESSION));
        if (mode == ServingMode.LEARNING) {
            out.toLeader(new LeaderRequest.OpenSession(sessionId, timeoutMillis, password));
            return;
        }
        out.log(new Transaction(sessionId, 0, ++lastPreparedZxid, nowMillis, OpCode.CREATE_SESSION.code(),
                new CreateSessionTxn(timeoutMillis, password)));
    }

    private void resumeSession(ClientConnection connection, ConnectRequest request, int timeoutMillis,
                               long nowMillis, EffectsBuilder out) {
        Optional<Session> session = sessions.validate(request.sessionId(), request.password());
        if (session.isEmpty()) {
            refuseExpired(connection, request, out);
            return;
        }
        long sessionId = request.sessionId();
        moveSession(sessionId, connection, out);
        sessions.resume(sessionId, timeoutMillis, nowMillis);
        touched(sessionId);
        connection.establish(sessionId);
        out.send(connection.id(), Frames.connect(new ConnectResponse(0, timeoutMillis, sessionId,
                session.get().password(), false, connection.legacy())));
    }

    private void refuseExpired(ClientConnection connection, ConnectRequest request, EffectsBuilder out) {
        out.send(connection.id(), Frames.connect(ConnectResponse.expired(connection.legacy())));
        out.disconnect(connection.id(), "session 0x" + Long.toHexString(request.sessionId())
                + " is expired or the password is wrong");
        connections.remove(connection.id());
    }

    private void moveSession(long sessionId, ClientConnection connection, EffectsBuilder out) {
        Long previous = connectionBySession.put(sessionId, connection.id());
        if (previous != null && previous != connection.id()) {
            forget(previous);
            out.disconnect(previous, "session 0x" + Long.toHexString(sessionId) + " moved to another connection");
        }
    }

    /**
     * Read-only mode admits only clients that said they accept it; a new session is this member's
     * own, and an ensemble session is resumed as it was last seen here.
     */
    private void connectReadOnly(ClientConnection connection, ConnectRequest request, int timeoutMillis,
                                 long nowMillis, EffectsBuilder out) {
        if (!request.readOnly()) {
            out.disconnect(connection.id(), "this member has lost its quorum and serves read-only clients only");
            connections.remove(connection.id());
            return;
        }
        long sessionId = request.sessionId();
        Optional<Session> session;
        if (sessionId == 0) {
            byte[] password = new byte[ConnectResponse.PASSWORD_BYTES];
            random.nextBytes(password);
            sessionId = sessionIds.next();
            session = Optional.of(readOnlySessions.open(sessionId, timeoutMillis, password, nowMillis));
        } else {
            session = sessions.validate(sessionId, request.password())
                    .or(() -> readOnlySessions.validate(request.sessionId(), request.password()));
        }
        if (session.isEmpty()) {
            refuseExpired(connection, request, out);
            return;
        }
        moveSession(sessionId, connection, out);
        readOnlySessions.resume(sessionId, timeoutMillis, nowMillis);
        connection.establish(sessionId);
        out.send(connection.id(), Frames.connect(new ConnectResponse(0, timeoutMillis, sessionId,
                session.get().password(), true, connection.legacy())));
    }

    private boolean sessionGone(long sessionId) {
        boolean ensembleSession = sessions.get(sessionId).map(session -> !session.isClosing()).orElse(false);
        return !ensembleSession && (mode != ServingMode.READ_ONLY || readOnlySessions.get(sessionId).isEmpty());
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
            sessions.touch(connection.sessionId(), nowMillis);
            readOnlySessions.touch(connection.sessionId(), nowMillis);
            touched(connection.sessionId());
            dispatch(connection, next, nowMillis, out);
        }
    }

    private void dispatch(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                          EffectsBuilder out) {
        RequestRouter.Route route = router.route(request);
        int xid = request.header().xid();
        if (route != RequestRouter.Route.REJECT && sessionGone(connection.sessionId())) {
            out.send(connection.id(), Frames.header(xid, lastAppliedZxid, -112));
            return;
        }
        if (mode == ServingMode.READ_ONLY && changesState(route, request.op())) {
            answerReadOnly(connection, route, xid, out);
            return;
        }
        if (route == RequestRouter.Route.READ && request.op() == OpCode.SYNC && mode != ServingMode.STANDALONE) {
            startSync(connection, request, out);
            return;
        }
        switch (route) {
            case WRITE -> prepareWrite(connection, request, nowMillis, out);
            case CLOSE -> closeSession(connection, request, nowMillis, out);
            case READ -> out.send(connection.id(), Frames.reply(xid, lastAppliedZxid,
                    reads.read(request.op(), request.body(), connection.context())));
            case WATCH -> router.watch(watchStage, connection, request, lastAppliedZxid, out);
            // ZooKeeper answers every ping with xid -2, whatever xid the client used.
            case PING -> out.send(connection.id(), Frames.header(RequestHeader.PING_XID, lastAppliedZxid, 0));
            case REJECT -> router.reject(connection, request, out);
        }
        if (route == RequestRouter.Route.REJECT) {
            forget(connection.id());
        }
    }

    private static boolean changesState(RequestRouter.Route route, OpCode op) {
        return route == RequestRouter.Route.WRITE || route == RequestRouter.Route.CLOSE || op == OpCode.SYNC;
    }

    /** Read-only: a session of this member's closes here; every other write or sync is NOTREADONLY. */
    private void answerReadOnly(ClientConnection connection, RequestRouter.Route route, int xid, EffectsBuilder out) {
        long sessionId = connection.sessionId();
        if (route == RequestRouter.Route.CLOSE && readOnlySessions.get(sessionId).isPresent()
                && sessions.get(sessionId).isEmpty()) {
            readOnlySessions.remove(sessionId);
            out.send(connection.id(), Frames.header(xid, lastAppliedZxid, 0));
            forget(connection.id());
            out.disconnect(connection.id(), "read-only session 0x" + Long.toHexString(sessionId) + " closed");
            return;
        }
        out.send(connection.id(), Frames.header(xid, lastAppliedZxid, ErrorCode.NOT_READ_ONLY.code()));
    }

    /**
     * A sync in an ensemble waits like a write, so the session's later requests wait behind it, until
     * the leader names the point it confirmed and this member has applied through it.
     */
    private void startSync(ClientConnection connection, ClientConnection.Queued request, EffectsBuilder out) {
        int xid = request.header().xid();
        connection.writeStarted();
        syncs.awaitPoint(new RequestKey(connection.sessionId(), xid),
                new SyncWaits.Waiting(connection.id(), xid, ((PathRequest) request.body()).path()));
        out.toLeader(new LeaderRequest.Sync(connection.sessionId(), xid));
    }

    private void prepareWrite(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                              EffectsBuilder out) {
        if (mode == ServingMode.LEARNING) {
            forward(connection, request, out);
            return;
        }
        long zxid = ++lastPreparedZxid;
        Txn txn = prepare.prepare(request.op(), request.body(), connection.context(), zxid);
        quota.drainWarnings().forEach(out::warn);
        log(connection, request, new Transaction(connection.sessionId(), request.header().xid(), zxid, nowMillis,
                request.op().code(), txn), out);
    }

    private void closeSession(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                              EffectsBuilder out) {
        long sessionId = connection.sessionId();
        sessions.markClosing(sessionId);
        if (mode == ServingMode.LEARNING) {
            forward(connection, request, out);
            connection.markClosing();
            return;
        }
        long zxid = ++lastPreparedZxid;
        Txn txn = prepare.closeSession(sessionId, zxid, tree.ephemerals(sessionId));
        log(connection, request, new Transaction(sessionId, request.header().xid(), zxid, nowMillis,
                OpCode.CLOSE_SESSION.code(), txn), out);
        connection.markClosing();
    }

    private void log(ClientConnection connection, ClientConnection.Queued request, Transaction transaction,
                     EffectsBuilder out) {
        connection.writeStarted();
        pendingWrites.add(new RequestKey(connection.sessionId(), request.header().xid()),
                new PendingWrite(connection.id(), request.header().xid(), request.op()));
        out.log(transaction);
    }

    /** A learner's write: the leader prepares it; its commit comes back through {@link #onLogged}. */
    private void forward(ClientConnection connection, ClientConnection.Queued request, EffectsBuilder out) {
        int xid = request.header().xid();
        connection.writeStarted();
        pendingWrites.add(new RequestKey(connection.sessionId(), xid), new PendingWrite(connection.id(), xid,
                request.op()));
        out.toLeader(new LeaderRequest.Write(connection.sessionId(), xid, request.op().code(), request.body(),
                connection.identities()));
    }

    /**
     * On the leader, a learner's request: a new session or a write is prepared into a transaction
     * for the driver to propose; touches keep sessions alive. Ignored in any other mode: a request
     * that reached a member after it stopped leading dies with the learner's connection.
     * {@link LeaderRequest.Sync} is the driver's, which confirms leadership and answers with a
     * {@link SyncPoint}.
     */
    public Effects onLeaderRequest(LeaderRequest request, long nowMillis) {
        if (mode != ServingMode.LEADING) {
            return Effects.NONE;
        }
        EffectsBuilder out = new EffectsBuilder();
        if (request instanceof LeaderRequest.OpenSession open) {
            out.log(new Transaction(open.sessionId(), 0, ++lastPreparedZxid, nowMillis, OpCode.CREATE_SESSION.code(),
                    new CreateSessionTxn(open.timeoutMillis(), open.password())));
        } else if (request instanceof LeaderRequest.Write write) {
            prepareForwarded(write, nowMillis, out);
        } else if (request instanceof LeaderRequest.Touches touches) {
            touches.sessionIds().forEach(id -> sessions.touch(id, nowMillis));
        }
        return out.build();
    }

    private void prepareForwarded(LeaderRequest.Write write, long nowMillis, EffectsBuilder out) {
        Optional<OpCode> op = OpCode.fromCode(write.type());
        if (op.isEmpty()) {
            return;
        }
        long sessionId = write.sessionId();
        boolean live = sessions.get(sessionId).map(session -> !session.isClosing()).orElse(false);
        long zxid = ++lastPreparedZxid;
        Txn txn;
        if (!live) {
            // The learner answers SESSIONEXPIRED when this comes back committed, as ZooKeeper's leader does.
            txn = new ErrorTxn(ErrorCode.SESSION_EXPIRED);
        } else if (op.get() == OpCode.CLOSE_SESSION) {
            sessions.markClosing(sessionId);
            txn = prepare.closeSession(sessionId, zxid, tree.ephemerals(sessionId));
        } else {
            sessions.touch(sessionId, nowMillis);
            txn = prepare.prepare(op.get(), write.body(), new RequestContext(-1, sessionId, write.identities()), zxid);
            quota.drainWarnings().forEach(out::warn);
        }
        out.log(new Transaction(sessionId, write.cxid(), zxid, nowMillis, write.type(), txn));
    }

    /** The leader's answer to one of this member's syncs. */
    public Effects onSyncPoint(SyncPoint point, long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        syncs.reached(point, lastAppliedZxid).forEach(waiting -> answerSync(waiting, nowMillis, out));
        return out.build();
    }

    private void answerSync(SyncWaits.Waiting waiting, long nowMillis, EffectsBuilder out) {
        ClientConnection connection = connections.get(waiting.connectionId());
        if (connection == null) {
            return;
        }
        connection.writeFinished();
        out.send(connection.id(), Frames.reply(waiting.xid(), lastAppliedZxid,
                Reply.ok(new PathResponse(waiting.path()))));
        drain(connection, nowMillis, out);
    }

    private void touched(long sessionId) {
        if (mode == ServingMode.LEARNING) {
            touchedSessions.add(sessionId);
        }
    }

    /** On a learner, the sessions its clients kept alive since the last call, for the leader; empty if none. */
    public Optional<LeaderRequest.Touches> drainTouches() {
        if (touchedSessions.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>(touchedSessions);
        touchedSessions.clear();
        return Optional.of(new LeaderRequest.Touches(ids));
    }

    /**
     * The member became the ensemble's established leader, after applying its initial history: from
     * now on it prepares with zxids from {@code nextZxid} on, expires sessions (each gets a full
     * timeout from now) and reaps containers. Called while no client is connected.
     */
    public void serveAsLeader(long nextZxid, long nowMillis) {
        if (nextZxid <= lastAppliedZxid) {
            throw new IllegalStateException("leading from zxid 0x" + Long.toHexString(nextZxid)
                    + ", not after applied 0x" + Long.toHexString(lastAppliedZxid));
        }
        mode = ServingMode.LEADING;
        pending.clear();
        readOnlySessions = new SessionTable();
        lastPreparedZxid = nextZxid - 1;
        sessions.restartClocks(nowMillis);
        nextReapMillis = nowMillis + settings.containerCheckIntervalMillis();
    }

    /** The member follows or observes a leader: it forwards writes and applies what the leader commits. */
    public void serveAsLearner() {
        mode = ServingMode.LEARNING;
        pending.clear();
        touchedSessions.clear();
        readOnlySessions = new SessionTable();
    }

    /** The member lost its quorum and serves read-only clients from its last state. Called while no client is connected. */
    public void serveReadOnly() {
        mode = ServingMode.READ_ONLY;
        pending.clear();
        touchedSessions.clear();
        readOnlySessions = new SessionTable();
    }

    public ServingMode mode() {
        return mode;
    }

    /** The zxid of the last transaction this member prepared or applied. */
    public long lastPreparedZxid() {
        return lastPreparedZxid;
    }

    /** A transaction is durable: apply it, fire its watches, then answer whoever waits for it. */
    public Effects onLogged(Transaction transaction, long nowMillis) {
        // Standalone zxids have no gaps; an ensemble's jump to the next epoch's counter 1.
        boolean inOrder = mode == ServingMode.STANDALONE ? transaction.zxid() == lastAppliedZxid + 1
                : transaction.zxid() > lastAppliedZxid;
        if (!inOrder) {
            throw new IllegalStateException("transaction 0x" + Long.toHexString(transaction.zxid())
                    + " applied after 0x" + Long.toHexString(lastAppliedZxid) + "; zxids must be applied in order");
        }
        lastAppliedZxid = transaction.zxid();
        lastPreparedZxid = Math.max(lastPreparedZxid, lastAppliedZxid);
        pending.applied(transaction.zxid());
        EffectsBuilder out = new EffectsBuilder();
        PendingWrite waiting = pendingWrites.take(new RequestKey(transaction.sessionId(), transaction.cxid()));
        applyAndAnswer(transaction, waiting, nowMillis, out);
        syncs.applied(lastAppliedZxid).forEach(sync -> answerSync(sync, nowMillis, out));
        return out.build();
    }

    private void applyAndAnswer(Transaction transaction, PendingWrite waiting, long nowMillis, EffectsBuilder out) {
        if (transaction.txn() instanceof CreateSessionTxn create) {
            sessionCreated(transaction, create, waiting, nowMillis, out);
            return;
        }
        Applied applied = tree.apply(transaction.sessionId(), transaction.zxid(), transaction.timeMillis(),
                transaction.txn());
        notifyWatchers(transaction.zxid(), applied, out);
        if (transaction.txn() instanceof CloseSessionTxn) {
            sessionClosed(transaction, waiting, out);
            return;
        }
        ClientConnection connection = waiting == null ? null : connections.get(waiting.connectionId());
        if (connection != null) {
            connection.writeFinished();
            out.send(connection.id(), Frames.reply(waiting.xid(), transaction.zxid(),
                    RespondStage.respond(applied.result())));
            drain(connection, nowMillis, out);
        }
    }

    private void notifyWatchers(long zxid, Applied applied, EffectsBuilder out) {
        for (TreeChange change : applied.changes()) {
            for (WatchEvent event : watches.trigger(change)) {
                ClientConnection watcher = connections.get(event.watcher());
                // The watch fires (and a one-shot watch is used up) even when the watcher may not
                // read the node; only the notification is withheld, as ZooKeeper does.
                if (watcher != null && AclCheck.allows(change.acl(), Perms.READ, watcher.identities())) {
                    out.send(event.watcher(), Frames.notification(zxid, event));
                }
            }
        }
    }

    private void sessionCreated(Transaction transaction, CreateSessionTxn create, PendingWrite waiting,
                                long nowMillis, EffectsBuilder out) {
        long sessionId = transaction.sessionId();
        sessions.open(sessionId, create.timeoutMillis(), create.password(), nowMillis);
        ClientConnection connection = waiting == null ? null : connections.get(waiting.connectionId());
        if (connection == null) {
            return;
        }
        connection.establish(sessionId);
        connectionBySession.put(sessionId, connection.id());
        out.send(connection.id(), Frames.connect(new ConnectResponse(0, create.timeoutMillis(), sessionId,
                create.password(), false, connection.legacy())));
        drain(connection, nowMillis, out);
    }

    private void sessionClosed(Transaction transaction, PendingWrite waiting, EffectsBuilder out) {
        long sessionId = transaction.sessionId();
        sessions.remove(sessionId);
        Long owner = connectionBySession.remove(sessionId);
        if (waiting != null && connections.containsKey(waiting.connectionId())) {
            out.send(waiting.connectionId(), Frames.header(waiting.xid(), transaction.zxid(), 0));
        }
        if (owner != null) {
            forget(owner);
            out.disconnect(owner, "session 0x" + Long.toHexString(sessionId) + " closed");
        }
    }

    /** The network layer closed a connection; its watches go, its session lives on until it expires. */
    public Effects onDisconnected(long connectionId) {
        forget(connectionId);
        return Effects.NONE;
    }

    private void forget(long connectionId) {
        ClientConnection connection = connections.remove(connectionId);
        watches.removeWatcher(connectionId);
        pendingWrites.forget(connectionId);
        syncs.forget(connectionId);
        if (connection != null && connection.sessionId() != 0) {
            connectionBySession.remove(connection.sessionId(), connectionId);
        }
    }

    /** Timers, except on a learner: expire sessions whose deadline passed, and reap empty containers and expired TTL nodes. */
    public Effects onTick(long nowMillis) {
        if (mode == ServingMode.LEARNING) {
            // The leader owns expiry and reaping; it hears of this member's sessions through touches.
            return Effects.NONE;
        }
        if (mode == ServingMode.READ_ONLY) {
            return expireReadOnlySessions(nowMillis);
        }
        EffectsBuilder out = new EffectsBuilder();
        for (long sessionId : sessions.expired(nowMillis)) {
            sessions.markClosing(sessionId);
            long zxid = ++lastPreparedZxid;
            out.log(new Transaction(sessionId, 0, zxid, nowMillis, OpCode.CLOSE_SESSION.code(),
                    prepare.closeSession(sessionId, zxid, tree.ephemerals(sessionId))));
        }
        if (nowMillis >= nextReapMillis) {
            nextReapMillis = nowMillis + settings.containerCheckIntervalMillis();
            long perRun = Math.max(1, settings.containerMaxPerMinute() * settings.containerCheckIntervalMillis()
                    / 60_000);
            for (String path : tree.reapable(nowMillis, (int) Math.min(perRun, Integer.MAX_VALUE))) {
                long zxid = lastPreparedZxid + 1;
                prepare.reap(path, zxid).ifPresent(txn -> {
                    lastPreparedZxid = zxid;
                    out.log(new Transaction(0, 0, zxid, nowMillis, OpCode.DELETE_CONTAINER.code(), txn));
                });
            }
        }
        return out.build();
    }

    private Effects expireReadOnlySessions(long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        for (long sessionId : readOnlySessions.expired(nowMillis)) {
            readOnlySessions.remove(sessionId);
            Long owner = connectionBySession.remove(sessionId);
            if (owner != null) {
                forget(owner);
                out.disconnect(owner, "read-only session 0x" + Long.toHexString(sessionId) + " expired");
            }
        }
        return out.build();
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
        return lastAppliedZxid;
    }

    public int connectionCount() {
        return connections.size();
    }

    /**
     * The session of each open connection, 0 while its session is still being created; for the
     * admin views, which join it with the network layer's per-connection statistics.
     */
    public Map<Long, Long> sessionsByConnection() {
        Map<Long, Long> result = new HashMap<>();
        connections.forEach((id, connection) -> result.put(id, connection.sessionId()));
        return result;
    }
}
