package dev.glasshouse.engine.quorum;

/**
 * How an election ended: the elected vote, the round it ended in, and whether the member joined
 * an established leader instead of reaching agreement within its own round. Immutable.
 */
record Decision(Vote elected, long round, boolean joinedEstablished) {
}
