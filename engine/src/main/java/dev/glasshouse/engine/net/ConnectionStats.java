package dev.glasshouse.engine.net;

import dev.glasshouse.engine.admin.api.ConnectionTraffic;
import dev.glasshouse.engine.wire.OpCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Counters of one client connection, ZooKeeper's per-connection {@code ServerCnxn} statistics:
 * frames in and out, the last request, and request latency from a frame's arrival to the write of
 * the reply with the same xid. Requests are answered in order, so pending requests are a FIFO.
 *
 * <p>Thread-safe: requests are recorded on the connection's Netty thread, replies on the member's
 * event-loop thread, reads happen on admin threads.
 */
public final class ConnectionStats {
    private record Pending(int xid, String op, boolean write, long startNanos) {
    }

    private final String remoteSocketAddress;
    private final long connectionId;
    private final long establishedMillis;
    private final ServerStats server;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private long received;
    private long sent;
    private String lastOperation = "NA";
    private long lastCxid = -1;
    private long lastZxid = -1;
    private long lastResponseMillis;
    private long lastLatencyMillis;
    private long minLatencyMillis = Long.MAX_VALUE;
    private long maxLatencyMillis;
    private long totalLatencyMillis;
    private long answered;

    ConnectionStats(String remoteSocketAddress, long connectionId, long establishedMillis, ServerStats server) {
        this.remoteSocketAddress = remoteSocketAddress;
        this.connectionId = connectionId;
        this.establishedMillis = establishedMillis;
        this.server = server;
    }

    /** The handshake arrived; its reply is the first frame written. */
    synchronized void connectReceived(long nowNanos) {
        received++;
        pending.add(new Pending(Integer.MIN_VALUE, "SESS", false, nowNanos));
        server.received();
    }

    /** A request frame arrived; ping, auth and setWatches count too, as in ZooKeeper. */
    synchronized void requestReceived(int xid, int type, long nowNanos) {
        received++;
        Optional<OpCode> op = OpCode.fromCode(type);
        pending.add(new Pending(xid, op.map(ConnectionStats::shortName).orElse("NA"),
                op.map(OpCode::isWrite).orElse(false), nowNanos));
        server.received();
    }

    /**
     * A frame body is being written. Bodies of replies start with the reply header (xid, zxid, err);
     * the first reply is the handshake's, which has no header.
     */
    synchronized void frameSent(byte[] body, long nowNanos, long nowMillis) {
        sent++;
        server.sent(body.length);
        Optional<Pending> answeredRequest = takeMatching(body);
        if (answeredRequest.isEmpty()) {
            return;   // a notification, or a reply to nothing we timed
        }
        Pending head = answeredRequest.get();
        boolean connectReply = head.xid() == Integer.MIN_VALUE;
        long latencyMillis = (nowNanos - head.startNanos()) / 1_000_000;
        lastOperation = head.op();
        lastResponseMillis = nowMillis;
        lastLatencyMillis = latencyMillis;
        minLatencyMillis = Math.min(minLatencyMillis, latencyMillis);
        maxLatencyMillis = Math.max(maxLatencyMillis, latencyMillis);
        totalLatencyMillis += latencyMillis;
        answered++;
        if (!connectReply) {
            lastCxid = head.xid();
            lastZxid = zxid(body);
        }
        server.answered(latencyMillis, head.write());
    }

    // Replies come in request order except auth, which is answered at once; so the match is
    // almost always the head, and a reply matching nothing (a notification) leaves the queue alone.
    private Optional<Pending> takeMatching(byte[] body) {
        Pending head = pending.peek();
        if (head != null && head.xid() == Integer.MIN_VALUE) {
            return Optional.of(pending.poll());
        }
        if (body.length < 16) {
            return Optional.empty();
        }
        int xid = xid(body);
        Iterator<Pending> candidates = pending.iterator();
        while (candidates.hasNext()) {
            Pending candidate = candidates.next();
            if (candidate.xid() == xid) {
                candidates.remove();
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    synchronized int outstanding() {
        return pending.size();
    }

    /** {@code crst}: the counters start over; requests in flight stay pending. */
    synchronized void reset() {
        received = 0;
        sent = 0;
        lastOperation = "NA";
        lastCxid = -1;
        lastZxid = -1;
        lastResponseMillis = 0;
        lastLatencyMillis = 0;
        minLatencyMillis = Long.MAX_VALUE;
        maxLatencyMillis = 0;
        totalLatencyMillis = 0;
        answered = 0;
    }

    public synchronized ConnectionTraffic snapshot() {
        return new ConnectionTraffic(remoteSocketAddress, connectionId, pending.size(), received, sent,
                lastOperation, establishedMillis, lastCxid, lastZxid, lastResponseMillis, lastLatencyMillis,
                answered == 0 ? 0 : minLatencyMillis, answered == 0 ? 0 : totalLatencyMillis / answered,
                maxLatencyMillis);
    }

    private static int xid(byte[] body) {
        return ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
    }

    private static long zxid(byte[] body) {
        long value = 0;
        for (int i = 4; i < 12; i++) {
            value = (value << 8) | (body[i] & 0xff);
        }
        return value;
    }

    /** The abbreviations ZooKeeper's {@code cons} shows as {@code lop}. */
    static String shortName(OpCode op) {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL -> "CREA";
            case DELETE, DELETE_CONTAINER -> "DELE";
            case EXISTS -> "EXIS";
            case GET_DATA -> "GETD";
            case SET_DATA -> "SETD";
            case GET_ACL -> "GETA";
            case SET_ACL -> "SETA";
            case GET_CHILDREN, GET_CHILDREN2 -> "GETC";
            case SYNC -> "SYNC";
            case PING -> "PING";
            case CHECK -> "CHEC";
            case MULTI -> "MULT";
            case MULTI_READ -> "MLTR";
            case RECONFIG -> "RECO";
            case CHECK_WATCHES -> "CHKW";
            case REMOVE_WATCHES -> "REMW";
            case SET_WATCHES, SET_WATCHES2 -> "SETW";
            case GET_EPHEMERALS -> "GETE";
            case GET_ALL_CHILDREN_NUMBER -> "GETACN";
            case ADD_WATCH -> "ADDW";
            case WHO_AM_I -> "HOMI";
            case CREATE_SESSION -> "SESS";
            case CLOSE_SESSION -> "CLOS";
            default -> "NA";
        };
    }
}
