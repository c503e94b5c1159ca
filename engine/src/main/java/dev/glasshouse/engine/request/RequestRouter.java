package dev.glasshouse.engine.request;

import dev.glasshouse.engine.watch.WatchEvent;
import dev.glasshouse.engine.wire.AddWatchRequest;
import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import dev.glasshouse.engine.wire.WatchTypeRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which path through the pipeline a request takes, and answers the requests that need
 * no transaction and no data: auth, watch management and the ones ZooKeeper refuses.
 */
final class RequestRouter {
    enum Route { WRITE, CLOSE, READ, WATCH, PING, REJECT }

    private static final Set<OpCode> MULTI_WRITES = Set.of(OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER,
            OpCode.CREATE_TTL, OpCode.DELETE, OpCode.SET_DATA, OpCode.CHECK);
    private static final Set<OpCode> MULTI_READS = Set.of(OpCode.GET_DATA, OpCode.GET_CHILDREN);

    private final Authenticator authenticator;

    RequestRouter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    Route route(ClientConnection.Queued request) {
        if (request.op() == null) {
            return Route.REJECT;
        }
        return switch (request.op()) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL, DELETE, SET_DATA, SET_ACL, RECONFIG -> Route.WRITE;
            case MULTI -> allIn(request.body(), MULTI_WRITES) ? Route.WRITE : Route.REJECT;
            case MULTI_READ -> allIn(request.body(), MULTI_READS) ? Route.READ : Route.REJECT;
            case CLOSE_SESSION -> Route.CLOSE;
            case EXISTS, GET_DATA, GET_CHILDREN, GET_CHILDREN2, GET_ACL, SYNC, GET_EPHEMERALS,
                    GET_ALL_CHILDREN_NUMBER, WHO_AM_I -> Route.READ;
            case SET_WATCHES, SET_WATCHES2, ADD_WATCH, CHECK_WATCHES, REMOVE_WATCHES -> Route.WATCH;
            case PING -> Route.PING;
            // check outside multi, internal opcodes and SASL (not configured) are refused as ZooKeeper does.
            case CHECK, DELETE_CONTAINER, CREATE_SESSION, NOTIFICATION, ERROR, SASL, AUTH -> Route.REJECT;
        };
    }

    private static boolean allIn(RequestBody body, Set<OpCode> allowed) {
        for (MultiOp op : ((MultiRequest) body).ops()) {
            if (!allowed.contains(op.op())) {
                return false;
            }
        }
        return true;
    }

    /** Answers UNIMPLEMENTED and closes the connection, as ZooKeeper's UnimplementedRequestProcessor. */
    void reject(ClientConnection connection, ClientConnection.Queued request, EffectsBuilder out) {
        out.send(connection.id(), Frames.header(request.header().xid(), -1, ErrorCode.UNIMPLEMENTED.code()));
        out.disconnect(connection.id(), "unsupported operation type " + request.header().type());
        connection.markClosing();
    }

    void authenticate(ClientConnection connection, RequestHeader header, RequestBody body, EffectsBuilder out) {
        AuthPacket packet = (AuthPacket) body;
        // ZooKeeper's ip provider "authenticates" by adding the address the connection already has.
        Optional<List<Id>> identities = "ip".equals(packet.scheme()) ? Optional.of(List.of())
                : authenticator.authenticate(packet.scheme(), packet.auth());
        if (identities.isPresent()) {
            connection.addCredentials(identities.get());
            out.send(connection.id(), Frames.header(header.xid(), 0, 0));
            return;
        }
        // ZooKeeper answers AUTH_FAILED and then closes the connection; the client reports AuthFailed.
        out.send(connection.id(), Frames.header(header.xid(), 0, ErrorCode.AUTH_FAILED.code()));
        out.disconnect(connection.id(), "authentication failed for scheme " + packet.scheme());
        connection.markClosing();
    }

    void watch(WatchStage stage, ClientConnection connection, ClientConnection.Queued request, long lastZxid,
               EffectsBuilder out) {
        int xid = request.header().xid();
        long watcher = connection.id();
        switch (request.op()) {
            case SET_WATCHES, SET_WATCHES2 -> {
                for (WatchEvent missed : stage.setWatches((SetWatchesRequest) request.body(), watcher)) {
                    out.send(watcher, Frames.notification(-1, missed));
                }
                out.send(watcher, Frames.header(xid, lastZxid, 0));
            }
            case ADD_WATCH -> out.send(watcher, Frames.reply(xid, lastZxid,
                    stage.addWatch((AddWatchRequest) request.body(), watcher)));
            default -> out.send(watcher, Frames.reply(xid, lastZxid,
                    stage.checkOrRemove(request.op(), (WatchTypeRequest) request.body(), watcher)));
        }
    }
}
