package dev.glasshouse.engine.quorum;

/**
 * An observer that follows the elected leader without voting. ZAB adds the leader connection and the
 * informed zxid here. Immutable.
 */
record Observing(Vote elected) implements Decided {
    @Override
    public Role role() {
        return Role.OBSERVING;
    }
}
