package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.ReplyHeader;
import dev.glasshouse.engine.wire.RequestHeader;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session state machine of one client: connects to one host after another, performs the
 * handshake (nothing else is written until the ConnectResponse arrives; then auth, setWatches and
 * the queued requests follow in that order), pings, detects dead connections and expiry, and
 * reconnects with the session id and password. All fields are confined to the event loop of
 * {@code group}, which must have exactly one thread; the getters and {@link #submit} may be called
 * from any thread.
 */
final class ClientSession {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
    /** The reference client pings at least this often, whatever the session timeout. */
    private static final int MAX_PING_INTERVAL_MILLIS = 10_000;

    private final ClientConfig config;
    private final EventLoopGroup group;
    private final Connector connector;
    private final WatchRegistry registry;
    private final PendingReplies replies;
    private final SessionStates states;
    private final Chroot chroot;
    private final SessionAuth auth;
    private final ExpiryTimer expiry;
    private final Outbox outbox;

    private final SessionIdentity identity;
    private Channel channel;
    private boolean handshakeDone;
    private boolean closing;
    private long lastReceivedNanos;

    ClientSession(ClientConfig config, EventLoopGroup group, EventDispatcher events, SessionStates states) {
        this.config = config;
        this.group = group;
        this.states = states;
        this.chroot = new Chroot(config.connectString().chroot());
        this.registry = new WatchRegistry();
        this.replies = new PendingReplies(registry, chroot, events);
        this.auth = new SessionAuth(events);
        this.outbox = new Outbox(replies, auth, registry, chroot);
        this.expiry = new ExpiryTimer(group, this::expireLocally);
        this.identity = new SessionIdentity(config);
        this.connector = new Connector(config, group, new ClientChannelInitializer(this, config.maxPacketBytes()));
    }

    void start() {
        onLoop(this::connectNext);
    }

    Chroot chroot() {
        return chroot;
    }

    SessionIdentity identity() {
        return identity;
    }

    /** The reference client's connect timeout: the session timeout shared among the hosts. */
    int connectTimeoutMillis() {
        int negotiated = identity.negotiatedTimeoutMillis();
        int timeout = negotiated > 0 ? negotiated : config.sessionTimeoutMillis();
        return Math.max(1, timeout / connector.hostCount());
    }

    /** Sends the call now, or when connected; fails it at once when the session has ended. */
    void submit(Call call) {
        SessionState state = states.current();
        if (!state.isAlive()) {
            replies.fail(call, PendingReplies.terminalError(state, call));
            return;
        }
        if (!onLoop(() -> enqueue(call))) {
            replies.fail(call, PendingReplies.terminalError(SessionState.CLOSED, call));
        }
    }

    void addAuth(AuthPacket packet, CompletableFuture<Void> acknowledged) {
        if (!onLoop(() -> sendAuth(packet, acknowledged))) {
            acknowledged.completeExceptionally(new ClientClosedException("The client is closed"));
        }
    }

    /** Asks the server to close the session, waits for its answer (at most a read timeout), then releases everything. */
    void close() {
        onLoop(this::beginClose);
    }

    private void enqueue(Call call) {
        SessionState state = states.current();
        if (!state.isAlive() || closing) {
            replies.fail(call, PendingReplies.terminalError(closing ? SessionState.CLOSED : state, call));
        } else if (call.watch() instanceof WatchEffect.Remove remove
                && !registry.contains(remove.path(), remove.watcher(), remove.type())) {
            // As in the ZooKeeper client: removing a watch this client never set is answered locally.
            replies.fail(call, ZkException.of(ErrorCode.NO_WATCHER, call.path()));
        } else if (handshakeDone) {
            outbox.send(channel, call);
        } else {
            outbox.queue(call);
        }
    }

    private void sendAuth(AuthPacket packet, CompletableFuture<Void> acknowledged) {
        SessionState state = states.current();
        if (!state.isAlive() || closing) {
            acknowledged.completeExceptionally(new ClientClosedException("The session has ended: " + state));
            return;
        }
        SessionAuth.Entry entry = auth.add(packet, acknowledged);
        if (handshakeDone) {
            outbox.sendAuth(channel, entry);
        }
    }

    private void connectNext() {
        if (states.current().isAlive() && !closing) {
            handshakeDone = false;
            channel = connector.connectNext(connectTimeoutMillis(), this::sendConnectRequest, this::onChannelClosed);
        }
    }

    private void sendConnectRequest(Channel attempt) {
        if (attempt != channel) {
            return;
        }
        attempt.writeAndFlush(Unpooled.wrappedBuffer(identity.connectRequest(config)));
    }

    void onFrame(Channel from, byte[] frame) {
        if (from != channel) {
            return;
        }
        lastReceivedNanos = System.nanoTime();
        JuteInput in = JuteInput.of(frame);
        if (!handshakeDone) {
            onConnectResponse(from, ConnectResponse.read(in));
            return;
        }
        ReplyHeader header = ReplyHeader.read(in);
        identity.observeZxid(header.zxid());
        switch (header.xid()) {
            case RequestHeader.PING_XID -> log.trace("Ping answered");
            case RequestHeader.AUTH_XID -> onAuthReply(header.err());
            case RequestHeader.NOTIFICATION_XID -> replies.onNotification(in);
            case RequestHeader.SET_WATCHES_XID -> log.debug("Watches re-registered err={}", header.err());
            default -> {
                if (!replies.onReply(header, in)) {
                    from.close();
                }
            }
        }
    }

    private void onConnectResponse(Channel from, ConnectResponse response) {
        if (response.timeoutMillis() <= 0) {
            log.warn("Session expired sessionId={}", identity.sessionIdHex());
            terminate(SessionState.EXPIRED);
            return;
        }
        boolean resumed = identity.sessionId() == response.sessionId();
        identity.accept(response);
        handshakeDone = true;
        connector.onHandshake();
        expiry.cancel();
        int readTimeout = identity.readTimeoutMillis();
        int pingInterval = Math.min(readTimeout / 2, MAX_PING_INTERVAL_MILLIS);
        from.pipeline().replace(ClientChannelInitializer.IDLE, ClientChannelInitializer.IDLE,
                new IdleStateHandler(readTimeout, pingInterval, 0, TimeUnit.MILLISECONDS));
        log.info("Session connected sessionId={} timeoutMillis={} remote={} resumed={}", identity.sessionIdHex(),
                identity.negotiatedTimeoutMillis(), from.remoteAddress(), resumed);
        states.set(response.readOnly() ? SessionState.CONNECTED_READ_ONLY : SessionState.CONNECTED);
        outbox.prime(from, identity.lastZxid());
    }

    private void onAuthReply(int err) {
        if (!auth.onReply(err)) {
            log.warn("Authentication failed sessionId={}", identity.sessionIdHex());
            terminate(SessionState.AUTH_FAILED);
        }
    }

    void onIdle(Channel on, IdleState idle) {
        if (on != channel) {
            return;
        }
        if (idle == IdleState.WRITER_IDLE && handshakeDone) {
            outbox.ping(on);
        } else if (idle == IdleState.READER_IDLE) {
            log.warn("Closing silent connection remote={} handshakeDone={}", on.remoteAddress(), handshakeDone);
            on.close();
        }
    }

    private void onChannelClosed(Channel closed) {
        if (closed != channel) {
            return;
        }
        channel = null;
        boolean wasConnected = handshakeDone;
        handshakeDone = false;
        auth.onConnectionLost();
        replies.failAll(PendingReplies::connectionLoss);
        if (closing) {
            terminate(SessionState.CLOSED);
            return;
        }
        if (!states.current().isAlive()) {
            return;
        }
        if (wasConnected) {
            log.info("Session disconnected sessionId={} remote={}", identity.sessionIdHex(),
                    closed.remoteAddress());
            states.set(SessionState.DISCONNECTED);
        }
        expiry.arm(identity.negotiatedTimeoutMillis(), lastReceivedNanos);
        group.schedule(this::connectNext, connector.retryDelayMillis(wasConnected), TimeUnit.MILLISECONDS);
    }

    private void expireLocally() {
        if (!handshakeDone && states.current().isAlive() && !closing) {
            log.warn("Session expired locally sessionId={} silentMillis={}", identity.sessionIdHex(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReceivedNanos));
            terminate(SessionState.EXPIRED);
        }
    }

    private void beginClose() {
        if (!states.current().isAlive() || closing) {
            return;
        }
        closing = true;
        outbox.failQueued(call -> PendingReplies.terminalError(SessionState.CLOSED, call));
        if (!handshakeDone) {
            terminate(SessionState.CLOSED);
            return;
        }
        Call close = Call.of(OpCode.CLOSE_SESSION, EmptyRequest.INSTANCE, Optional.empty());
        outbox.send(channel, close);
        close.result().whenComplete((body, error) -> onLoop(() -> terminate(SessionState.CLOSED)));
        group.schedule(() -> terminate(SessionState.CLOSED), identity.readTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    /** Enters a terminal state: every waiting request fails, watches are dropped, threads are released. */
    private void terminate(SessionState terminal) {
        if (!states.current().isAlive()) {
            return;
        }
        expiry.cancel();
        Channel last = channel;
        channel = null;
        handshakeDone = false;
        replies.failAll(call -> PendingReplies.terminalError(terminal, call));
        outbox.failQueued(call -> PendingReplies.terminalError(terminal, call));
        auth.failAll(terminal);
        registry.clear();
        states.set(terminal);
        if (last != null) {
            last.close();
        }
        states.release();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    }

    /** Runs the task on the event loop; false when the loop has already shut down with the session. */
    private boolean onLoop(Runnable task) {
        if (group.isShuttingDown()) {
            return false;
        }
        try {
            group.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
