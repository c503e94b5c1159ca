package dev.glasshouse.engine.quorum;

/**
 * What an ensemble member is doing, ZooKeeper's {@code ServerState}. A member is LOOKING while it
 * elects a leader; the election ends in LEADING or FOLLOWING for a voter and OBSERVING for an
 * observer. Notifications carry the sender's role so peers can tell a running election from an
 * established leader.
 */
public enum Role {
    LOOKING,
    FOLLOWING,
    LEADING,
    OBSERVING;

    /** True once an election has ended for the member in this role. */
    public boolean isDecided() {
        return this != LOOKING;
    }
}
