package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.Session;
import dev.glasshouse.engine.session.SessionIdGenerator;
import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.session.TimeoutNegotiation;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.OpCode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Admits a connection to a session: opens a new one (through the log, or the leader on a learner),
 * resumes a live one, or refuses. Keeps the read-only sessions, which exist on this member alone
 * while it serves without a quorum. Confined to the member's event-loop thread.
 */
final class SessionAdmission {
    private final SharedState shared;
    private final SessionTable sessions;
    private final ConnectionTable connections;
    private final SessionIdGenerator sessionIds;
    private final TimeoutNegotiation negotiation;
    private final RandomGenerator random;
    /** Sessions opened while read-only: this member's alone, forgotten when it serves again. */
    private SessionTable readOnlySessions = new SessionTable();

    SessionAdmission(SharedState shared, SessionIdGenerator sessionIds, TimeoutNegotiation negotiation,
                     RandomGenerator random) {
        this.shared = shared;
        this.sessions = shared.sessions();
        this.connections = shared.connections();
        this.sessionIds = sessionIds;
        this.negotiation = negotiation;
        this.random = random;
    }

    /** The first frame of a connection: open a new session or resume an existing one. */
    Effects connect(long connectionId, String remoteAddress, ConnectRequest request, long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        ClientConnection connection = new ClientConnection(connectionId, remoteAddress, request.legacy());
        long lastAppliedZxid = shared.serving().lastAppliedZxid();
        if (request.lastZxidSeen() > lastAppliedZxid) {
            // The client saw a newer state than ours; it must find a member that has it.
            out.disconnect(connectionId, "client has seen zxid 0x" + Long.toHexString(request.lastZxidSeen())
                    + ", ahead of our 0x" + Long.toHexString(lastAppliedZxid));
            return out.build();
        }
        connections.add(connection);
        int timeoutMillis = negotiation.negotiate(request.timeoutMillis());
        if (shared.serving().is(ServingMode.READ_ONLY)) {
            connectReadOnly(connection, request, timeoutMillis, nowMillis, out);
        } else if (request.sessionId() == 0) {
            openSession(connection, timeoutMillis, nowMillis, out);
        } else {
            resumeSession(connection, request, timeoutMillis, nowMillis, out);
        }
        return out.build();
    }

    private void openSession(ClientConnection connection, int timeoutMillis, long nowMillis, EffectsBuilder out) {
        byte[] password = newPassword();
        long sessionId = sessionIds.next();
        connection.awaitSession();
        shared.pendingWrites().add(new RequestKey(sessionId, 0),
                new PendingWrite(connection.id(), 0, OpCode.CREATE_SESSION));
        if (shared.serving().is(ServingMode.LEARNING)) {
            out.toLeader(new LeaderRequest.OpenSession(sessionId, timeoutMillis, password));
            return;
        }
        out.log(new Transaction(sessionId, 0, shared.serving().nextZxid(), nowMillis, OpCode.CREATE_SESSION.code(),
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
        connections.move(sessionId, connection, out);
        sessions.resume(sessionId, timeoutMillis, nowMillis);
        shared.touches().touched(sessionId);
        establish(connection, sessionId, new ConnectResponse(0, timeoutMillis, sessionId,
                session.get().password(), false, connection.legacy()), out);
    }

    private void refuseExpired(ClientConnection connection, ConnectRequest request, EffectsBuilder out) {
        out.send(connection.id(), Frames.connect(ConnectResponse.expired(connection.legacy())));
        out.disconnect(connection.id(), "session 0x" + Long.toHexString(request.sessionId())
                + " is expired or the password is wrong");
        connections.refuse(connection.id());
    }

    /**
     * Read-only mode admits only clients that said they accept it; a new session is this member's
     * own, and an ensemble session is resumed as it was last seen here.
     */
    private void connectReadOnly(ClientConnection connection, ConnectRequest request, int timeoutMillis,
                                 long nowMillis, EffectsBuilder out) {
        if (!request.readOnly()) {
            out.disconnect(connection.id(), "this member has lost its quorum and serves read-only clients only");
            connections.refuse(connection.id());
            return;
        }
        long sessionId = request.sessionId();
        Optional<Session> session;
        if (sessionId == 0) {
            byte[] password = newPassword();
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
        connections.move(sessionId, connection, out);
        readOnlySessions.resume(sessionId, timeoutMillis, nowMillis);
        establish(connection, sessionId, new ConnectResponse(0, timeoutMillis, sessionId,
                session.get().password(), true, connection.legacy()), out);
    }

    private byte[] newPassword() {
        byte[] password = new byte[ConnectResponse.PASSWORD_BYTES];
        random.nextBytes(password);
        return password;
    }

    private static void establish(ClientConnection connection, long sessionId, ConnectResponse response,
                                  EffectsBuilder out) {
        connection.establish(sessionId);
        out.send(connection.id(), Frames.connect(response));
    }

    /** The session's client sent a request: it lives on, here and (through touches) at the leader. */
    void keepAlive(long sessionId, long nowMillis) {
        sessions.touch(sessionId, nowMillis);
        readOnlySessions.touch(sessionId, nowMillis);
        shared.touches().touched(sessionId);
    }

    /** Whether the session expired or is closing, so its requests are answered SESSIONEXPIRED. */
    boolean sessionGone(long sessionId) {
        boolean ensembleSession = sessions.get(sessionId).map(session -> !session.isClosing()).orElse(false);
        return !ensembleSession
                && (!shared.serving().is(ServingMode.READ_ONLY) || readOnlySessions.get(sessionId).isEmpty());
    }

    /** Closes the session if it is a read-only one of this member's; false for an ensemble session. */
    boolean closeReadOnly(long sessionId) {
        if (readOnlySessions.get(sessionId).isEmpty() || sessions.get(sessionId).isPresent()) {
            return false;
        }
        readOnlySessions.remove(sessionId);
        return true;
    }

    /** Read-only mode's timer: the read-only sessions whose deadline passed end with their connections. */
    Effects expireReadOnly(long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        for (long sessionId : readOnlySessions.expired(nowMillis)) {
            readOnlySessions.remove(sessionId);
            connections.endSession(sessionId, "read-only session 0x" + Long.toHexString(sessionId) + " expired", out);
        }
        return out.build();
    }

    /** The member serves in a new mode: read-only sessions are forgotten. */
    void forgetReadOnlySessions() {
        readOnlySessions = new SessionTable();
    }
}
