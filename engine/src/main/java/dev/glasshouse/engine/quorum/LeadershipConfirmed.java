package dev.glasshouse.engine.quorum;

/**
 * A leader's answer to {@link Replica#confirmLeadership}: after the driver asked with {@code token},
 * a quorum of voters (the leader included) answered a ping round the leader started after the
 * request, so the member still led when the request arrived, and every write acknowledged before it
 * is at or below {@code committedThrough} (the read index: the leader's committed zxid when asked).
 * A driver answers a waiting sync once it has applied through {@code committedThrough}, which a
 * leader already has. Immutable.
 */
public record LeadershipConfirmed(long token, Zxid committedThrough) {
}
