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
import dev.glasshouse.engine.tree.TreeChange;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.watch.WatchEvent;
import dev.glasshouse.engine.watch.WatchTable;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The request pipeline of one standalone member: sessions, reads, writes and watches, from
 * decoded client frames to the frames and transactions the driver must handle. Pure and
 * single-threaded: it never blocks, reads no clock (time is an argument) and does no I/O, so a
 * simulation can drive it from a seeded clock and the replication layer can feed it committed
 * transactions.
 *
 * <p>Writes are prepared into transactions and come back through {@link #onLogged} once durable;
 * only then are they applied, their watches fired and the client answered. A session's later
 * requests wait behind its unanswered writes, which gives ZooKeeper's FIFO client order and makes
 * every notification precede the reply that shows its change.
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
    private final Map<Long, PendingWrite> writesByZxid = new HashMap<>();
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
        if (request.sessionId() == 0) {
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
        long zxid = ++lastPreparedZxid;
        connection.awaitSession();
        writesByZxid.put(zxid, new PendingWrite(connection.id(), 0, OpCode.CREATE_SESSION));
        out.log(new Transaction(sessionId, 0, zxid, nowMillis, OpCode.CREATE_SESSION.code(),
                new CreateSessionTxn(timeoutMillis, password)));
    }

    private void resumeSession(ClientConnection connection, ConnectRequest request, int timeoutMillis,
                               long nowMillis, EffectsBuilder out) {
        Optional<Session> session = sessions.validate(request.sessionId(), request.password());
        if (session.isEmpty()) {
            out.send(connection.id(), Frames.connect(ConnectResponse.expired(connection.legacy())));
            out.disconnect(connection.id(), "session 0x" + Long.toHexString(request.sessionId())
                    + " is expired or the password is wrong");
            connections.remove(connection.id());
            return;
        }
        long sessionId = request.sessionId();
        Long previous = connectionBySession.put(sessionId, connection.id());
        if (previous != null && previous != connection.id()) {
            forget(previous);
            out.disconnect(previous, "session 0x" + Long.toHexString(sessionId) + " moved to another connection");
        }
        sessions.resume(sessionId, timeoutMillis, nowMillis);
        connection.establish(sessionId);
        out.send(connection.id(), Frames.connect(new ConnectResponse(0, timeoutMillis, sessionId,
                session.get().password(), false, connection.legacy())));
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
            dispatch(connection, next, nowMillis, out);
        }
    }

    private void dispatch(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                          EffectsBuilder out) {
        RequestRouter.Route route = router.route(request);
        int xid = request.header().xid();
        if (route != RequestRouter.Route.REJECT && sessions.get(connection.sessionId())
                .map(Session::isClosing).orElse(true)) {
            out.send(connection.id(), Frames.header(xid, lastAppliedZxid, -112));
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

    private void prepareWrite(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                              EffectsBuilder out) {
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
        long zxid = ++lastPreparedZxid;
        Txn txn = prepare.closeSession(sessionId, zxid, tree.ephemerals(sessionId));
        log(connection, request, new Transaction(sessionId, request.header().xid(), zxid, nowMillis,
                OpCode.CLOSE_SESSION.code(), txn), out);
        connection.markClosing();
    }

    private void log(ClientConnection connection, ClientConnection.Queued request, Transaction transaction,
                     EffectsBuilder out) {
        connection.writeStarted();
        writesByZxid.put(transaction.zxid(), new PendingWrite(connection.id(), request.header().xid(),
                request.op()));
        out.log(transaction);
    }

    /** A transaction is durable: apply it, fire its watches, then answer whoever waits for it. */
    public Effects onLogged(Transaction transaction, long nowMillis) {
        if (transaction.zxid() != lastAppliedZxid + 1) {
            throw new IllegalStateException("transaction 0x" + Long.toHexString(transaction.zxid())
                    + " applied after 0x" + Long.toHexString(lastAppliedZxid) + "; zxids must be applied in order");
        }
        lastAppliedZxid = transaction.zxid();
        pending.applied(transaction.zxid());
        EffectsBuilder out = new EffectsBuilder();
        PendingWrite waiting = writesByZxid.remove(transaction.zxid());
        if (transaction.txn() instanceof CreateSessionTxn create) {
            sessionCreated(transaction, create, waiting, nowMillis, out);
            return out.build();
        }
        Applied applied = tree.apply(transaction.sessionId(), transaction.zxid(), transaction.timeMillis(),
                transaction.txn());
        notifyWatchers(transaction.zxid(), applied, out);
        if (transaction.txn() instanceof CloseSessionTxn) {
            sessionClosed(transaction, waiting, out);
            return out.build();
        }
        ClientConnection connection = waiting == null ? null : connections.get(waiting.connectionId());
        if (connection != null) {
            connection.writeFinished();
            out.send(connection.id(), Frames.reply(waiting.xid(), transaction.zxid(),
                    RespondStage.respond(applied.result())));
            drain(connection, nowMillis, out);
        }
        return out.build();
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
        if (connection != null && connection.sessionId() != 0) {
            connectionBySession.remove(connection.sessionId(), connectionId);
        }
    }

    /** Timers: expire sessions whose deadline passed, and reap empty containers and expired TTL nodes. */
    public Effects onTick(long nowMillis) {
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
