package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.AclCheck;
import dev.glasshouse.engine.tree.Applied;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.TreeChange;
import dev.glasshouse.engine.watch.WatchEvent;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.Perms;
import java.util.Optional;

/**
 * Applies a committed transaction to the tree and the sessions, fires the watches it triggers and
 * then answers the client that waits for it, so every notification precedes the reply that shows
 * its change. Confined to the member's event-loop thread.
 */
final class ApplyStage {
    private final SharedState shared;
    private final ConnectionTable connections;

    ApplyStage(SharedState shared) {
        this.shared = shared;
        this.connections = shared.connections();
    }

    /**
     * Applies {@code transaction} and answers {@code waiting} (null when no client here waits);
     * returns the answered connection, whose queued requests may now proceed.
     */
    Optional<ClientConnection> apply(Transaction transaction, PendingWrite waiting, long nowMillis,
                                     EffectsBuilder out) {
        if (transaction.txn() instanceof CreateSessionTxn create) {
            return sessionCreated(transaction, create, waiting, nowMillis, out);
        }
        Applied applied = shared.tree().apply(transaction.sessionId(), transaction.zxid(), transaction.timeMillis(),
                transaction.txn());
        notifyWatchers(transaction.zxid(), applied, out);
        if (transaction.txn() instanceof CloseSessionTxn) {
            sessionClosed(transaction, waiting, out);
            return Optional.empty();
        }
        ClientConnection connection = connections.waiting(waiting);
        if (connection == null) {
            return Optional.empty();
        }
        connection.writeFinished();
        out.send(connection.id(), Frames.reply(waiting.xid(), transaction.zxid(),
                RespondStage.respond(applied.result())));
        return Optional.of(connection);
    }

    private void notifyWatchers(long zxid, Applied applied, EffectsBuilder out) {
        for (TreeChange change : applied.changes()) {
            for (WatchEvent event : shared.watches().trigger(change)) {
                ClientConnection watcher = connections.get(event.watcher());
                // The watch fires (and a one-shot watch is used up) even when the watcher may not
                // read the node; only the notification is withheld, as ZooKeeper does.
                if (watcher != null && AclCheck.allows(change.acl(), Perms.READ, watcher.identities())) {
                    out.send(event.watcher(), Frames.notification(zxid, event));
                }
            }
        }
    }

    private Optional<ClientConnection> sessionCreated(Transaction transaction, CreateSessionTxn create,
                                                      PendingWrite waiting, long nowMillis, EffectsBuilder out) {
        long sessionId = transaction.sessionId();
        shared.sessions().open(sessionId, create.timeoutMillis(), create.password(), nowMillis);
        ClientConnection connection = connections.waiting(waiting);
        if (connection == null) {
            return Optional.empty();
        }
        connection.establish(sessionId);
        connections.hold(sessionId, connection.id());
        out.send(connection.id(), Frames.connect(new ConnectResponse(0, create.timeoutMillis(), sessionId,
                create.password(), false, connection.legacy())));
        return Optional.of(connection);
    }

    private void sessionClosed(Transaction transaction, PendingWrite waiting, EffectsBuilder out) {
        long sessionId = transaction.sessionId();
        shared.sessions().remove(sessionId);
        if (waiting != null && connections.isOpen(waiting.connectionId())) {
            out.send(waiting.connectionId(), Frames.header(waiting.xid(), transaction.zxid(), 0));
        }
        connections.endSession(sessionId, "session 0x" + Long.toHexString(sessionId) + " closed", out);
    }
}
