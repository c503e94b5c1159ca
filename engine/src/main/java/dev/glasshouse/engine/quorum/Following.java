package dev.glasshouse.engine.quorum;

/**
 * A voter that follows the elected leader. ZAB adds the leader connection, the synced zxid and the
 * proposals awaiting commit here. Immutable.
 */
record Following(Vote elected) implements Decided {
    @Override
    public Role role() {
        return Role.FOLLOWING;
    }
}
