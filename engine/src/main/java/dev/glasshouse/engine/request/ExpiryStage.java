package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.wire.OpCode;

/**
 * The timers of a member that owns expiry (standalone or leading): closes sessions whose deadline
 * passed, and every container check interval deletes a bounded number of empty containers and
 * expired TTL nodes. Confined to the member's event-loop thread.
 */
final class ExpiryStage {
    private final SharedState shared;
    private final PrepareStage prepare;
    private final long checkIntervalMillis;
    private final long maxReapedPerRun;
    private long nextReapMillis;

    ExpiryStage(SharedState shared, PrepareStage prepare, PipelineSettings settings, long nowMillis) {
        this.shared = shared;
        this.prepare = prepare;
        this.checkIntervalMillis = settings.containerCheckIntervalMillis();
        this.maxReapedPerRun = Math.max(1, settings.containerMaxPerMinute() * checkIntervalMillis / 60_000);
        restart(nowMillis);
    }

    /** The next container check comes a full interval from now. */
    void restart(long nowMillis) {
        nextReapMillis = nowMillis + checkIntervalMillis;
    }

    Effects onTick(long nowMillis) {
        EffectsBuilder out = new EffectsBuilder();
        SessionTable sessions = shared.sessions();
        DataTree tree = shared.tree();
        for (long sessionId : sessions.expired(nowMillis)) {
            sessions.markClosing(sessionId);
            long zxid = shared.serving().nextZxid();
            out.log(new Transaction(sessionId, 0, zxid, nowMillis, OpCode.CLOSE_SESSION.code(),
                    prepare.closeSession(sessionId, zxid, tree.ephemerals(sessionId))));
        }
        if (nowMillis >= nextReapMillis) {
            restart(nowMillis);
            for (String path : tree.reapable(nowMillis, (int) Math.min(maxReapedPerRun, Integer.MAX_VALUE))) {
                long zxid = shared.serving().lastPreparedZxid() + 1;
                prepare.reap(path, zxid).ifPresent(txn -> {
                    shared.serving().prepared(zxid);
                    out.log(new Transaction(0, 0, zxid, nowMillis, OpCode.DELETE_CONTAINER.code(), txn));
                });
            }
        }
        return out.build();
    }
}
