package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * Everything the client writes after a handshake: requests go out at once while connected and
 * wait in a queue otherwise; after each handshake the auth packets go first (so that what follows
 * runs as the right identity), then the watch re-registrations relative to the last zxid seen,
 * then the queued requests, in one flush. Confined to the client's event-loop thread.
 */
final class Outbox {
    private static final byte[] PING = RequestCodec.write(new RequestHeader(RequestHeader.PING_XID,
            OpCode.PING.code()), OpCode.PING, EmptyRequest.INSTANCE);

    private final ArrayDeque<Call> queued = new ArrayDeque<>();
    private final PendingReplies replies;
    private final SessionAuth auth;
    private final WatchRegistry registry;
    private final Chroot chroot;

    Outbox(PendingReplies replies, SessionAuth auth, WatchRegistry registry, Chroot chroot) {
        this.replies = replies;
        this.auth = auth;
        this.registry = registry;
        this.chroot = chroot;
    }

    void send(Channel to, Call call) {
        to.writeAndFlush(Unpooled.wrappedBuffer(replies.track(call)));
    }

    void queue(Call call) {
        queued.add(call);
    }

    void sendAuth(Channel to, SessionAuth.Entry entry) {
        to.writeAndFlush(Unpooled.wrappedBuffer(auth.frame(entry)));
    }

    void ping(Channel to) {
        to.writeAndFlush(Unpooled.wrappedBuffer(PING));
    }

    void prime(Channel to, long lastZxid) {
        for (SessionAuth.Entry entry : auth.entries()) {
            to.write(Unpooled.wrappedBuffer(auth.frame(entry)));
        }
        if (!registry.isEmpty()) {
            OpCode op = SetWatchesBatcher.opFor(registry);
            RequestHeader header = new RequestHeader(RequestHeader.SET_WATCHES_XID, op.code());
            for (SetWatchesRequest batch : SetWatchesBatcher.batches(registry, lastZxid, chroot)) {
                to.write(Unpooled.wrappedBuffer(RequestCodec.write(header, op, batch)));
            }
        }
        for (Call call = queued.poll(); call != null; call = queued.poll()) {
            to.write(Unpooled.wrappedBuffer(replies.track(call)));
        }
        to.flush();
    }

    void failQueued(Function<Call, Throwable> error) {
        for (Call call = queued.poll(); call != null; call = queued.poll()) {
            replies.fail(call, error.apply(call));
        }
    }
}
