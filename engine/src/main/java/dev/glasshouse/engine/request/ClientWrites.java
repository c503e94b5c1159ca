package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathRequest;

/**
 * A client's write, closeSession or ensemble sync, started: prepared into a transaction to log, or
 * sent to the leader on a learner. Either way the connection now waits, so the session's later
 * requests are answered after this one. Confined to the member's event-loop thread.
 */
final class ClientWrites {
    private final SharedState shared;
    private final PrepareStage prepare;
    private final QuotaCheck quota;
    private final SyncWaits syncs;

    ClientWrites(SharedState shared, PrepareStage prepare, QuotaCheck quota, SyncWaits syncs) {
        this.shared = shared;
        this.prepare = prepare;
        this.quota = quota;
        this.syncs = syncs;
    }

    void write(ClientConnection connection, ClientConnection.Queued request, long nowMillis, EffectsBuilder out) {
        if (shared.serving().is(ServingMode.LEARNING)) {
            forward(connection, request, out);
            return;
        }
        long zxid = shared.serving().nextZxid();
        Txn txn = prepare.prepare(request.op(), request.body(), connection.context(), zxid);
        quota.drainWarnings().forEach(out::warn);
        log(connection, request, new Transaction(connection.sessionId(), request.header().xid(), zxid, nowMillis,
                request.op().code(), txn), out);
    }

    void closeSession(ClientConnection connection, ClientConnection.Queued request, long nowMillis,
                      EffectsBuilder out) {
        long sessionId = connection.sessionId();
        shared.sessions().markClosing(sessionId);
        if (shared.serving().is(ServingMode.LEARNING)) {
            forward(connection, request, out);
            connection.markClosing();
            return;
        }
        long zxid = shared.serving().nextZxid();
        Txn txn = prepare.closeSession(sessionId, zxid, shared.tree().ephemerals(sessionId));
        log(connection, request, new Transaction(sessionId, request.header().xid(), zxid, nowMillis,
                OpCode.CLOSE_SESSION.code(), txn), out);
        connection.markClosing();
    }

    /**
     * A sync in an ensemble waits like a write, so the session's later requests wait behind it, until
     * the leader names the point it confirmed and this member has applied through it.
     */
    void sync(ClientConnection connection, ClientConnection.Queued request, EffectsBuilder out) {
        int xid = request.header().xid();
        connection.writeStarted();
        syncs.awaitPoint(new RequestKey(connection.sessionId(), xid),
                new SyncWaits.Waiting(connection.id(), xid, ((PathRequest) request.body()).path()));
        out.toLeader(new LeaderRequest.Sync(connection.sessionId(), xid));
    }

    private void log(ClientConnection connection, ClientConnection.Queued request, Transaction transaction,
                     EffectsBuilder out) {
        awaitAnswer(connection, request);
        out.log(transaction);
    }

    /** A learner's write: the leader prepares it; its commit comes back through {@link Pipeline#onLogged}. */
    private void forward(ClientConnection connection, ClientConnection.Queued request, EffectsBuilder out) {
        awaitAnswer(connection, request);
        out.toLeader(new LeaderRequest.Write(connection.sessionId(), request.header().xid(), request.op().code(),
                request.body(), connection.identities()));
    }

    private void awaitAnswer(ClientConnection connection, ClientConnection.Queued request) {
        int xid = request.header().xid();
        connection.writeStarted();
        shared.pendingWrites().add(new RequestKey(connection.sessionId(), xid),
                new PendingWrite(connection.id(), xid, request.op()));
    }
}
