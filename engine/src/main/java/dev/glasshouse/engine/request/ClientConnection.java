package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The pipeline's view of one client connection: its session once established, its identities,
 * and the requests that must wait so that the session's requests are answered in order.
 * Confined to the member's event-loop thread.
 */
final class ClientConnection {
    /** A request waiting behind the session's earlier writes. */
    record Queued(RequestHeader header, OpCode op, RequestBody body) {
    }

    private final long id;
    private final Id address;
    private final boolean legacy;
    private final List<Id> credentials = new ArrayList<>();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private long sessionId;
    private boolean awaitingSession;
    private boolean closing;
    private int outstandingWrites;

    ClientConnection(long id, String remoteAddress, boolean legacy) {
        this.id = id;
        this.address = new Id("ip", remoteAddress);
        this.legacy = legacy;
    }

    long id() {
        return id;
    }

    boolean legacy() {
        return legacy;
    }

    long sessionId() {
        return sessionId;
    }

    void establish(long newSessionId) {
        sessionId = newSessionId;
        awaitingSession = false;
    }

    void awaitSession() {
        awaitingSession = true;
    }

    boolean awaitingSession() {
        return awaitingSession;
    }

    boolean closing() {
        return closing;
    }

    void markClosing() {
        closing = true;
    }

    void addCredentials(List<Id> ids) {
        for (Id id : ids) {
            if (!credentials.contains(id)) {
                credentials.add(id);
            }
        }
    }

    /** The connection's address and its proven identities, in the order ZooKeeper iterates them. */
    List<Id> identities() {
        List<Id> all = new ArrayList<>(credentials.size() + 1);
        all.add(address);
        all.addAll(credentials);
        return AuthInfoOrder.of(all);
    }

    RequestContext context() {
        return new RequestContext(id, sessionId, identities());
    }

    Deque<Queued> queue() {
        return queue;
    }

    int outstandingWrites() {
        return outstandingWrites;
    }

    void writeStarted() {
        outstandingWrites++;
    }

    void writeFinished() {
        outstandingWrites--;
    }
}
