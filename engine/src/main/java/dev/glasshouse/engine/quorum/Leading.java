package dev.glasshouse.engine.quorum;

/**
 * A voter that won the election. ZAB adds discovery, synchronization and broadcast state here: learner
 * handlers, outstanding proposals and their acknowledgements. Immutable.
 */
record Leading(Vote elected) implements Decided {
    @Override
    public Role role() {
        return Role.LEADING;
    }
}
