package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.ClientInfo;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.MultiResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.Stat;
import dev.glasshouse.engine.wire.WatcherType;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An asynchronous client of a ZooKeeper-compatible ensemble (Apache ZooKeeper 3.9 or Glasshouse).
 *
 * <p>Create one with {@link #connect(ClientConfig)}; it connects in the background and queues
 * requests until the session is established. Every operation returns a future that completes with
 * the result or fails with {@link ZkException} (a ZooKeeper error code),
 * {@link ClientClosedException}, or {@link IllegalArgumentException} for a malformed path. Paths
 * are relative to the connect string's chroot.
 *
 * <p>Threads: methods may be called from any thread. Each client owns one network thread and one
 * event thread; futures complete, watchers run and state listeners are called on the event thread,
 * in the order the server answered, so callbacks must not block (in particular not on another
 * request of the same client). Replies come in request order: a later request's future never
 * completes before an earlier one's.
 */
public final class ZkClient implements AutoCloseable {
    private final ClientSession session;
    private final SessionStates states;
    private final Requests requests;

    private ZkClient(ClientConfig config) {
        String number = Integer.toHexString(System.identityHashCode(this));
        EventDispatcher events = new EventDispatcher("zk-client-events-" + number);
        this.states = new SessionStates(events);
        NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("zk-client-io-" + number, true));
        this.session = new ClientSession(config, group, events, states);
        this.requests = new Requests(session.chroot());
    }

    /** Starts a client; it connects in the background. */
    public static ZkClient connect(ClientConfig config) {
        ZkClient client = new ZkClient(config);
        client.session.start();
        return client;
    }

    public static ZkClient connect(String connectString, int sessionTimeoutMillis) {
        return connect(ClientConfig.of(connectString, sessionTimeoutMillis));
    }

    public SessionState state() {
        return states.current();
    }

    /** Listens to every later state change; the listener runs on the event thread. */
    public Subscription subscribe(SessionStateListener listener) {
        return states.subscribe(listener);
    }

    /** Completes once the session is connected (now or later); fails if it ends first. */
    public CompletableFuture<Void> connected() {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Subscription subscription = subscribe(state -> settle(connected, state));
        settle(connected, state());
        connected.whenComplete((ok, error) -> subscription.cancel());
        return connected;
    }

    private static void settle(CompletableFuture<Void> connected, SessionState state) {
        if (state.isConnected()) {
            connected.complete(null);
        } else if (!state.isAlive()) {
            connected.completeExceptionally(new ClientClosedException("The session ended before connecting: "
                    + state));
        }
    }

    /** The session id, 0 until the first handshake. */
    public long sessionId() {
        return session.identity().sessionId();
    }

    /** The session password, to resume the session from another client with {@link ClientConfig#withSession}. */
    public byte[] sessionPassword() {
        return session.identity().password();
    }

    public int negotiatedTimeoutMillis() {
        return session.identity().negotiatedTimeoutMillis();
    }

    /** Creates a node with any non-TTL mode, containers included, and returns its actual path and Stat. */
    public CompletableFuture<Created> create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
        return createTtl(path, data, acl, mode, -1);
    }

    /** Creates a node; TTL modes need a positive {@code ttlMillis} (and a server with extended types enabled). */
    public CompletableFuture<Created> createTtl(String path, byte[] data, List<Acl> acl, CreateMode mode,
                                               long ttlMillis) {
        return send(() -> requests.create(path, data, acl, mode, ttlMillis));
    }

    public CompletableFuture<Void> delete(String path, int version) {
        return send(() -> requests.delete(path, version));
    }

    /** The node's Stat, or empty when it does not exist. */
    public CompletableFuture<Optional<Stat>> exists(String path) {
        return existsWatched(path, Optional.empty());
    }

    /** Like {@link #exists(String)}, leaving a watch for its creation, change or deletion. */
    public CompletableFuture<Optional<Stat>> exists(String path, Watcher watcher) {
        return existsWatched(path, Optional.of(watcher));
    }

    public CompletableFuture<NodeData> getData(String path) {
        return send(() -> requests.getData(path, Optional.empty()));
    }

    public CompletableFuture<NodeData> getData(String path, Watcher watcher) {
        return send(() -> requests.getData(path, Optional.of(watcher)));
    }

    public CompletableFuture<Stat> setData(String path, byte[] data, int version) {
        return send(() -> requests.setData(path, data, version));
    }

    public CompletableFuture<AclAndStat> getAcl(String path) {
        return send(() -> requests.getAcl(path));
    }

    /** Replaces the ACL if its version ({@code aversion}) matches, -1 for any. */
    public CompletableFuture<Stat> setAcl(String path, List<Acl> acl, int aclVersion) {
        return send(() -> requests.setAcl(path, acl, aclVersion));
    }

    public CompletableFuture<List<String>> getChildren(String path) {
        return send(() -> requests.getChildren(path, Optional.empty()));
    }

    public CompletableFuture<List<String>> getChildren(String path, Watcher watcher) {
        return send(() -> requests.getChildren(path, Optional.of(watcher)));
    }

    public CompletableFuture<ChildrenAndStat> getChildren2(String path) {
        return send(() -> requests.getChildren2(path, Optional.empty()));
    }

    public CompletableFuture<ChildrenAndStat> getChildren2(String path, Watcher watcher) {
        return send(() -> requests.getChildren2(path, Optional.of(watcher)));
    }

    /** Waits until the connected server has caught up with the leader; returns the path. */
    public CompletableFuture<String> sync(String path) {
        return send(() -> requests.sync(path));
    }

    /** The session's ephemeral nodes whose paths start with {@code prefix} ("/" for all). */
    public CompletableFuture<List<String>> getEphemerals(String prefix) {
        return send(() -> requests.getEphemerals(prefix));
    }

    /** The number of descendants of the node, itself excluded. */
    public CompletableFuture<Integer> getAllChildrenNumber(String path) {
        return send(() -> requests.getAllChildrenNumber(path));
    }

    /** The identities the session is authenticated as. */
    public CompletableFuture<List<ClientInfo>> whoAmI() {
        return send(requests::whoAmI);
    }

    /** A watch that stays until removed: on the node only, or on the node and all its descendants. */
    public CompletableFuture<Void> addWatch(String path, Watcher watcher, AddWatchMode mode) {
        return send(() -> requests.addWatch(path, watcher, mode));
    }

    /**
     * Removes one watcher's watches of a type on the path; the watcher then hears
     * DataWatchRemoved, ChildWatchRemoved or PersistentWatchRemoved. Fails with NO_WATCHER when it
     * holds no such watch.
     */
    public CompletableFuture<Void> removeWatches(String path, Watcher watcher, WatcherType type) {
        return send(() -> requests.removeWatches(path, Optional.of(watcher), type));
    }

    /** Removes every watch of a type on the path, from the server and locally, with removal events. */
    public CompletableFuture<Void> removeAllWatches(String path, WatcherType type) {
        return send(() -> requests.removeWatches(path, Optional.empty(), type));
    }

    /**
     * Runs create, delete, setData and check operations atomically. If one fails, the future fails
     * with a {@link ZkException} for the first failure whose {@link ZkException#results()} holds
     * every operation's result.
     */
    public CompletableFuture<List<MultiResult>> multi(List<Op> ops) {
        return multi(OpCode.MULTI, ops, true);
    }

    /** Runs getData and getChildren operations independently; a failed one is an ErrorResult. */
    public CompletableFuture<List<MultiResult>> multiRead(List<Op> ops) {
        return multi(OpCode.MULTI_READ, ops, false);
    }

    /** Adds credentials, e.g. scheme {@code digest} with {@code user:password}; completes when the server accepts them. */
    public CompletableFuture<Void> addAuth(String scheme, byte[] auth) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        session.addAuth(new AuthPacket(0, scheme, auth.clone()), accepted);
        return accepted;
    }

    /** Closes the session on the server (which deletes its ephemerals), then the connection and threads. */
    public CompletableFuture<Void> closeAsync() {
        session.close();
        return states.terminated();
    }

    /** Blocking {@link #closeAsync()} for try-with-resources; never call it on the event thread. */
    @Override
    public void close() {
        try {
            closeAsync().get(Math.max(1000, 2L * negotiatedTimeoutMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The session ends in CLOSED either way; a slow or failed goodbye loses nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<List<MultiResult>> multi(OpCode op, List<Op> ops, boolean atomic) {
        if (ops.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return send(() -> {
            ops.forEach(MultiCodec::validate);
            Call call = Call.of(op, MultiCodec.encode(ops, session.chroot()), Optional.empty());
            return new Request<>(call, reply -> MultiCodec.decode((MultiResponse) reply, session.chroot()));
        }).thenCompose(results -> atomic ? MultiCodec.failure(results, ops)
                .<CompletableFuture<List<MultiResult>>>map(CompletableFuture::failedFuture)
                .orElseGet(() -> CompletableFuture.completedFuture(results))
                : CompletableFuture.completedFuture(results));
    }

    private CompletableFuture<Optional<Stat>> existsWatched(String path, Optional<Watcher> watcher) {
        CompletableFuture<Optional<Stat>> result = new CompletableFuture<>();
        send(() -> requests.exists(path, watcher)).whenComplete((stat, error) -> {
            if (error == null) {
                result.complete(Optional.of(stat));
            } else if (unwrap(error) instanceof ZkException e && e.code() == ErrorCode.NO_NODE) {
                result.complete(Optional.empty());
            } else {
                result.completeExceptionally(unwrap(error));
            }
        });
        return result;
    }

    private <T> CompletableFuture<T> send(Supplier<Request<T>> build) {
        Request<T> request;
        try {
            request = build.get();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        session.submit(request.call());
        return request.call().result().thenApply(request.result());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }
}
