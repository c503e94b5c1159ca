package dev.glasshouse.engine.quorum;

/**
 * The leader's view of one learner connection: how far discovery and synchronization got, when the
 * learner was last heard, what it last reported and acknowledged. A new connection gets a new session,
 * so nothing the old one reached carries over. Mutable; owned by one {@link LearnerConnections} and
 * confined to the leader's event loop.
 */
final class LearnerSession {
    /** How far the leader got with this connection, in protocol order. */
    enum Phase { INFO_RECEIVED, EPOCH_SENT, EPOCH_ACKED, SYNC_SENT, SYNCED }

    Phase phase = Phase.INFO_RECEIVED;
    long lastHeardMillis;
    /** The last zxid the learner reported in ACKEPOCH. */
    Zxid lastZxid = Zxid.ZERO;
    /** The latest zxid the learner holds durably, from NEWLEADER's or a proposal's acknowledgement. */
    Zxid ackedThrough = Zxid.ZERO;
    /** The learner had accepted this epoch before; its ACKEPOCH does not count toward discovery's quorum. */
    boolean rejoining;
    /** The latest ping round this learner answered on this connection. */
    long answeredRound;

    LearnerSession(long nowMillis) {
        lastHeardMillis = nowMillis;
    }

    /** True once the leader sent this learner its synchronization, so it gets what the leader broadcasts. */
    boolean syncSent() {
        return phase.compareTo(Phase.SYNC_SENT) >= 0;
    }
}
