package dev.glasshouse.engine.console;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.client.ZkException;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Tree edits shared by both consoles: create in every mode, delete, and recursive delete with a
 * preview of how many nodes will go. Protected paths are refused before anything is sent. Work
 * runs on the background executor; the returned futures complete on the UI executor.
 */
public final class ZnodeEditor {
    private static final long TIMEOUT_SECONDS = 10;

    private final ZkClient client;
    private final Executor background;
    private final Executor ui;
    private final String user;
    private final String connection;
    private final AuditSink audit;

    public ZnodeEditor(ConsoleContext context, AuditSink audit) {
        this.client = context.client();
        this.background = context.background();
        this.ui = context.ui();
        this.user = context.user();
        this.connection = context.connection();
        this.audit = audit;
    }

    /** Creates {@code parent/name}; {@code ttlMillis} is used only by the TTL modes. */
    public CompletableFuture<Outcome> create(String parent, String name, CreateMode mode, byte[] data,
                                             long ttlMillis) {
        String path = parent.equals("/") ? "/" + name : parent + "/" + name;
        if (ProtectedPaths.isProtected(path)) {
            return onUi(Outcome.failed(ProtectedPaths.refusal("Creating", path)));
        }
        return run(() -> {
            String created = (mode.isTtl()
                    ? client.createTtl(path, data, Acl.OPEN_ACL_UNSAFE, mode, ttlMillis)
                    : client.create(path, data, Acl.OPEN_ACL_UNSAFE, mode)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .path();
            audit.record(new AuditSink.Edit(user, connection, "create", created, new byte[0], data));
            return Outcome.done("Created " + created);
        }, "Creating " + path);
    }

    /** How many nodes a recursive delete of {@code path} removes, the node itself included. */
    public CompletableFuture<Integer> countForDelete(String path) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        background.execute(() -> {
            try {
                int below = client.getAllChildrenNumber(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                ui.execute(() -> result.complete(below + 1));
            } catch (Exception e) {
                ui.execute(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    /** Deletes a node, and with {@code recursive} everything below it first, deepest first. */
    public CompletableFuture<Outcome> delete(String path, boolean recursive) {
        if (ProtectedPaths.isProtected(path)) {
            return onUi(Outcome.failed(ProtectedPaths.refusal("Deleting", path)));
        }
        return run(() -> {
            byte[] before = client.getData(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).data();
            int removed = recursive ? deleteTree(path) : deleteOne(path);
            audit.record(new AuditSink.Edit(user, connection, recursive ? "delete-recursive" : "delete", path,
                    before, new byte[0]));
            return Outcome.done("Deleted " + path + (removed > 1 ? " and " + (removed - 1) + " nodes below it" : ""));
        }, "Deleting " + path);
    }

    private int deleteTree(String path) throws Exception {
        List<String> children = new ArrayList<>(client.getChildren(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        int removed = 0;
        for (String child : children) {
            removed += deleteTree(path.equals("/") ? "/" + child : path + "/" + child);
        }
        return removed + deleteOne(path);
    }

    private int deleteOne(String path) throws Exception {
        try {
            client.delete(path, -1).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            // Someone else deleted it first: the goal is reached all the same.
            if (e.getCause() instanceof ZkException zk && zk.code() == ErrorCode.NO_NODE) {
                return 0;
            }
            throw e;
        }
    }

    private interface Action {
        Outcome run() throws Exception;
    }

    private CompletableFuture<Outcome> run(Action action, String description) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        background.execute(() -> {
            Outcome outcome;
            try {
                outcome = action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Outcome.failed(Problem.of(description, e));
            } catch (Exception e) {
                outcome = Outcome.failed(Problem.of(description, e));
            }
            Outcome finished = outcome;
            ui.execute(() -> result.complete(finished));
        });
        return result;
    }

    private CompletableFuture<Outcome> onUi(Outcome outcome) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        ui.execute(() -> result.complete(outcome));
        return result;
    }
}
