package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.Session;
import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.DataTree;

/**
 * The state a member rebuilds at start-up: a snapshot's tree and sessions, then every later logged
 * transaction replayed in zxid order. Pure; used on the starting thread before the pipeline exists,
 * then handed to {@link Pipeline}'s recovering constructor.
 *
 * <p>Sessions get a fresh deadline of one timeout from the recovery time, as ZooKeeper restarts
 * expiry clocks on load; a session whose client does not come back expires after that.
 * Replay tolerates transactions a fuzzy snapshot already reflects ({@link DataTree#replay}).
 */
public final class ReplayedState {
    private final DataTree tree;
    private final SessionTable sessions;
    private long lastZxid;

    private ReplayedState(DataTree tree, SessionTable sessions, long lastZxid) {
        this.tree = tree;
        this.sessions = sessions;
        this.lastZxid = lastZxid;
    }

    /** The state of a member that has never logged anything. */
    public static ReplayedState empty() {
        return new ReplayedState(new DataTree(), new SessionTable(), 0);
    }

    /** The state a snapshot taken after {@code zxid} describes. */
    public static ReplayedState of(DataTree tree, SessionTable sessions, long zxid) {
        return new ReplayedState(tree, sessions, zxid);
    }

    /**
     * Applies one transaction read back from the log. Transactions at or below the current zxid are
     * already reflected and skipped; later ones must come in increasing zxid order.
     */
    public void replay(Transaction transaction, long nowMillis) {
        if (transaction.zxid() <= lastZxid) {
            return;
        }
        lastZxid = transaction.zxid();
        if (transaction.txn() instanceof CreateSessionTxn create) {
            if (sessions.get(transaction.sessionId()).isEmpty()) {
                sessions.open(transaction.sessionId(), create.timeoutMillis(), create.password(), nowMillis);
            }
            return;
        }
        tree.replay(transaction.sessionId(), transaction.zxid(), transaction.timeMillis(), transaction.txn());
        if (transaction.txn() instanceof CloseSessionTxn) {
            sessions.remove(transaction.sessionId());
        }
    }

    public DataTree tree() {
        return tree;
    }

    public SessionTable sessions() {
        return sessions;
    }

    public long lastZxid() {
        return lastZxid;
    }

    /** How many sessions and how many of their ephemerals survived, for the start-up log line. */
    public long ephemeralCount() {
        long count = 0;
        for (Session session : sessions.all()) {
            count += tree.ephemerals(session.id()).size();
        }
        return count;
    }
}
