package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.OpCode;
import java.util.Optional;

/**
 * The leader's side of its learners' requests: a new session or a write becomes a transaction
 * for the driver to propose; touches keep sessions alive. Syncs are the driver's.
 * Confined to the member's event-loop thread.
 */
final class ForwardedStage {
    private final SharedState shared;
    private final SessionTable sessions;
    private final PrepareStage prepare;
    private final QuotaCheck quota;

    ForwardedStage(SharedState shared, PrepareStage prepare, QuotaCheck quota) {
        this.shared = shared;
        this.sessions = shared.sessions();
        this.prepare = prepare;
        this.quota = quota;
    }

    Effects handle(LeaderRequest request, long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        if (request instanceof LeaderRequest.OpenSession open) {
            out.log(new Transaction(open.sessionId(), 0, shared.serving().nextZxid(), nowMillis,
                    OpCode.CREATE_SESSION.code(), new CreateSessionTxn(open.timeoutMillis(), open.password())));
        } else if (request instanceof LeaderRequest.Write write) {
            prepareForwarded(write, nowMillis, out);
        } else if (request instanceof LeaderRequest.Touches touches) {
            touches.sessionIds().forEach(id -> sessions.touch(id, nowMillis));
        }
        return out.build();
    }

    private void prepareForwarded(LeaderRequest.Write write, long nowMillis, EffectsBuilder out) {
        Optional<OpCode> op = OpCode.fromCode(write.type());
        if (op.isEmpty()) {
            return;
        }
        long sessionId = write.sessionId();
        boolean live = sessions.get(sessionId).map(session -> !session.isClosing()).orElse(false);
        long zxid = shared.serving().nextZxid();
        Txn txn;
        if (!live) {
            // The learner answers SESSIONEXPIRED when this comes back committed, as ZooKeeper's leader does.
            txn = new ErrorTxn(ErrorCode.SESSION_EXPIRED);
        } else if (op.get() == OpCode.CLOSE_SESSION) {
            sessions.markClosing(sessionId);
            txn = prepare.closeSession(sessionId, zxid, shared.tree().ephemerals(sessionId));
        } else {
            sessions.touch(sessionId, nowMillis);
            txn = prepare.prepare(op.get(), write.body(), new RequestContext(-1, sessionId, write.identities()), zxid);
            quota.drainWarnings().forEach(out::warn);
        }
        out.log(new Transaction(sessionId, write.cxid(), zxid, nowMillis, write.type(), txn));
    }
}
