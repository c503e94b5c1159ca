package dev.glasshouse.engine.server;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.wire.OpCode;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an ensemble member's events go: the replica's own, and the session events the member
 * derives from the transactions it applies and the expiries it proposes. Each is logged (the rare
 * milestones an operator reads at INFO, the rest at DEBUG), fed to the admin view and handed to
 * the listener, whose failure is logged and contained. Confined to the member's event loop.
 */
final class MemberEvents {
    private static final Logger log = LoggerFactory.getLogger(MemberEvents.class);

    private final MemberId self;
    private final QuorumStateView view;
    private final Consumer<ReplicaEvent> listener;

    MemberEvents(MemberId self, QuorumStateView view, Consumer<ReplicaEvent> listener) {
        this.self = self;
        this.view = view;
        this.listener = listener;
    }

    void report(ReplicaEvent event) {
        if (isMilestone(event)) {
            log.info("{}", event);
        } else {
            log.debug("{}", event);
        }
        view.onEvent(event);
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("Replica event listener failed for {}", event, e);
        }
    }

    /** The member applied {@code transaction}: a session opened or closed, or neither. */
    void applied(Transaction transaction, Zxid zxid, long nowMillis) {
        if (transaction.txn() instanceof CreateSessionTxn create) {
            report(new ReplicaEvent.SessionCreated(self, transaction.sessionId(), create.timeoutMillis(), zxid,
                    nowMillis));
        } else if (transaction.type() == OpCode.CLOSE_SESSION.code()) {
            report(new ReplicaEvent.SessionClosed(self, transaction.sessionId(), zxid, nowMillis));
        }
    }

    /** The leader's expiry check prepared {@code closing}: each closeSession among them is an expiry. */
    void expiring(List<Transaction> closing, long nowMillis) {
        closing.stream().filter(transaction -> transaction.type() == OpCode.CLOSE_SESSION.code())
                .forEach(transaction -> report(new ReplicaEvent.SessionExpired(self, transaction.sessionId(),
                        nowMillis)));
    }

    /** The rare events an operator reads in the log: elections ending, roles, epochs, synchronization, expiries. */
    private static boolean isMilestone(ReplicaEvent event) {
        return event instanceof ReplicaEvent.RoundEnded || event instanceof ReplicaEvent.RoleChanged
                || event instanceof ReplicaEvent.LeaderLost || event instanceof ReplicaEvent.SteppedDown
                || event instanceof ReplicaEvent.EpochProposed || event instanceof ReplicaEvent.Established
                || event instanceof ReplicaEvent.LearnerSynced || event instanceof ReplicaEvent.SessionExpired;
    }
}
