package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.RequestHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The credentials added to a session. The server forgets them with each connection, so they are
 * sent again after every handshake; auth replies (xid -4) come back in the order the packets went
 * out, which is how a reply finds its entry. Confined to the client's event-loop thread.
 */
final class SessionAuth {
    private final EventDispatcher events;
    private final List<Entry> entries = new ArrayList<>();
    private final ArrayDeque<Entry> awaitingReply = new ArrayDeque<>();

    /** One addAuth call; its future completes with the first successful reply. */
    record Entry(AuthPacket packet, CompletableFuture<Void> acknowledged) {
    }

    SessionAuth(EventDispatcher events) {
        this.events = events;
    }

    Entry add(AuthPacket packet, CompletableFuture<Void> acknowledged) {
        Entry entry = new Entry(packet, acknowledged);
        entries.add(entry);
        return entry;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The frame for the entry; the caller sends it, so its reply is expected next. */
    byte[] frame(Entry entry) {
        awaitingReply.add(entry);
        RequestHeader header = new RequestHeader(RequestHeader.AUTH_XID, OpCode.AUTH.code());
        return RequestCodec.write(header, OpCode.AUTH, entry.packet());
    }

    /** Returns false when the server rejected the credentials, which ends the session. */
    boolean onReply(int err) {
        Entry entry = awaitingReply.poll();
        if (err == ErrorCode.OK.code()) {
            if (entry != null) {
                events.execute(() -> entry.acknowledged().complete(null));
            }
            return true;
        }
        if (entry != null) {
            ErrorCode code = ErrorCode.fromCode(err).orElse(ErrorCode.AUTH_FAILED);
            ZkException failure = ZkException.of(code, Optional.empty());
            events.execute(() -> entry.acknowledged().completeExceptionally(failure));
        }
        return false;
    }

    void onConnectionLost() {
        awaitingReply.clear();
    }

    void failAll(SessionState terminal) {
        awaitingReply.clear();
        for (Entry entry : entries) {
            Throwable error = terminal == SessionState.CLOSED ? new ClientClosedException("The client is closed")
                    : ZkException.of(terminal == SessionState.EXPIRED ? ErrorCode.SESSION_EXPIRED
                            : ErrorCode.AUTH_FAILED, Optional.empty());
            events.execute(() -> entry.acknowledged().completeExceptionally(error));
        }
    }
}
