package dev.glasshouse.engine.quorum;

/**
 * A leader's view of one learner connection, for admin views and the consoles: whether it is an
 * observer, whether it completed synchronization, and how far it acknowledged. Immutable.
 */
public record LearnerView(MemberId id, boolean observer, boolean synced, Zxid ackedThrough) {
}
