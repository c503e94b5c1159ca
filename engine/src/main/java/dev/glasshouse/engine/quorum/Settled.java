package dev.glasshouse.engine.quorum;

/**
 * A decided role of a replica built without ZAB (election-only, as the election simulation uses):
 * it holds the decided vote and answers looking peers, and leaves only when the driver reports
 * the leader lost. Immutable.
 */
record Settled(Vote elected, Role role) implements Decided {
}
