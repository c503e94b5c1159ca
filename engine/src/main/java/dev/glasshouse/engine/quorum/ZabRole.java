package dev.glasshouse.engine.quorum;

import java.util.Optional;

/**
 * A decided role that runs ZAB after the election: {@link Leading} or a {@link Learner}. Every
 * handler returns empty while the member keeps its role, or the reason it must go back to
 * LOOKING (a broken connection, a timeout, a lost quorum); {@link Replica} makes that change.
 */
sealed interface ZabRole extends Decided permits Leading, Learner {
    /** Sends what opens the role (FOLLOWERINFO for a learner) and starts its timers. */
    Optional<String> start(Outbox out);

    Optional<String> onMessage(ZabMessage message, Outbox out);

    /** The driver made the log durable through {@link History#syncedThrough()}. */
    Optional<String> onLogSynced(Outbox out);

    Optional<String> onTick(Outbox out);

    /** True once this member serves: an established leader, or a learner that received UPTODATE. */
    boolean isServing();

    /** The epoch this role works in, once known. */
    long epoch();

    /** Where this role is in ZAB's life cycle. */
    ZabPhase phase();
}
