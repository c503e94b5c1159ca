package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.KeeperState;
import dev.glasshouse.engine.wire.ReplyHeader;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.ResponseBody;
import dev.glasshouse.engine.wire.ResponseCodec;
import dev.glasshouse.engine.wire.WatcherEvent;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests sent on the current connection and not yet answered, in send order, and what
 * happens when replies and notifications arrive: watch tables are updated on the event loop, and
 * watcher calls and completions are queued to the {@link EventDispatcher} in arrival order, so a
 * notification always reaches its watchers before a later reply's completion runs. Xids are
 * assigned here, at send time, counting from 1 and wrapping to 1 as the ZooKeeper client does.
 * Confined to the client's event-loop thread.
 */
final class PendingReplies {
    private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);

    private final ArrayDeque<Sent> sent = new ArrayDeque<>();
    private final WatchRegistry registry;
    private final Chroot chroot;
    private final EventDispatcher events;
    private int nextXid = 1;

    /** A call and the xid it went out with. */
    private record Sent(int xid, Call call) {
    }

    PendingReplies(WatchRegistry registry, Chroot chroot, EventDispatcher events) {
        this.registry = registry;
        this.chroot = chroot;
        this.events = events;
    }

    /** Assigns the call its xid, remembers it, and returns the frame body to write. */
    byte[] track(Call call) {
        int xid = nextXid;
        nextXid = nextXid == Integer.MAX_VALUE ? 1 : nextXid + 1;
        sent.add(new Sent(xid, call));
        return RequestCodec.write(new RequestHeader(xid, call.op().code()), call.op(), call.body());
    }

    void onNotification(JuteInput in) {
        WatcherEvent wire = WatcherEvent.read(in);
        Optional<EventType> type = EventType.fromCode(wire.type());
        if (type.isEmpty()) {
            log.warn("Ignoring notification with unknown event type={} path={}", wire.type(), wire.path());
            return;
        }
        KeeperState state = KeeperState.fromCode(wire.state()).orElse(KeeperState.SYNC_CONNECTED);
        WatchEvent event = new WatchEvent(type.get(), state, chroot.toClient(wire.path()));
        for (Watcher watcher : registry.materialize(event.type(), event.path())) {
            events.execute(() -> watcher.process(event));
        }
    }

    /**
     * Answers the oldest sent call. Returns false, after failing that call, when the reply does
     * not belong to it or cannot be decoded; the caller must then close the connection, because
     * every later reply would be matched to the wrong request.
     */
    boolean onReply(ReplyHeader header, JuteInput in) {
        Sent next = sent.poll();
        if (next == null || next.xid() != header.xid()) {
            log.warn("Xid out of order expected={} received={}", next == null ? "none" : next.xid(), header.xid());
            if (next != null) {
                fail(next.call(), connectionLoss(next.call()));
            }
            return false;
        }
        Call call = next.call();
        ErrorCode code = ErrorCode.fromCode(header.err()).orElse(ErrorCode.SYSTEM_ERROR);
        if (call.watch() instanceof WatchEffect.Register register) {
            WatchRegistration registration = register.registration();
            registration.tableFor(code).ifPresent(table -> registry.add(table, registration.path(),
                    registration.watcher()));
        }
        if (code != ErrorCode.OK) {
            fail(call, ZkException.of(code, call.path()));
            return true;
        }
        return complete(call, in);
    }

    private boolean complete(Call call, JuteInput in) {
        ResponseBody body;
        try {
            body = ResponseCodec.read(call.op(), in);
        } catch (WireFormatException e) {
            log.warn("Undecodable reply op={} error={}", call.op(), e.getMessage());
            fail(call, new ZkException(ErrorCode.MARSHALLING_ERROR, call.path(), "Undecodable reply to "
                    + call.op() + ": " + e.getMessage()));
            return false;
        }
        if (call.watch() instanceof WatchEffect.Remove remove) {
            List<WatchDelivery> removed = registry.remove(remove.path(), remove.watcher(), remove.type());
            for (WatchDelivery delivery : removed) {
                events.execute(() -> delivery.watcher().process(delivery.event()));
            }
        }
        events.execute(() -> call.result().complete(body));
        return true;
    }

    /** Fails every call still waiting for a reply, oldest first. */
    void failAll(Function<Call, Throwable> error) {
        for (Sent waiting = sent.poll(); waiting != null; waiting = sent.poll()) {
            fail(waiting.call(), error.apply(waiting.call()));
        }
    }

    void fail(Call call, Throwable error) {
        events.execute(() -> call.result().completeExceptionally(error));
    }

    static ZkException connectionLoss(Call call) {
        return ZkException.of(ErrorCode.CONNECTION_LOSS, call.path());
    }

    static Throwable terminalError(SessionState state, Call call) {
        return switch (state) {
            case EXPIRED -> ZkException.of(ErrorCode.SESSION_EXPIRED, call.path());
            case AUTH_FAILED -> ZkException.of(ErrorCode.AUTH_FAILED, call.path());
            default -> new ClientClosedException("The client is closed; " + call.op() + " was not sent");
        };
    }
}
