package dev.glasshouse.engine.quorum;

/**
 * What a member's disk says about its history, read once at startup and fed to the election:
 * {@code currentEpoch} (ZooKeeper's {@code currentEpoch} file, the epoch of the last leader it
 * synchronized with) and the zxid of the last transaction in its log. Immutable.
 *
 * <p>ZAB keeps {@code acceptedEpoch} next to {@code currentEpoch} in {@link Epochs} and advances
 * both through {@link Effects#toPersist()}; the election only reads this snapshot of them.
 */
public record DurableState(long currentEpoch, Zxid lastLoggedZxid) {
    public static final DurableState EMPTY = new DurableState(0, Zxid.ZERO);

    public DurableState {
        Check.state(currentEpoch >= 0, "currentEpoch %d is negative", currentEpoch);
    }

    /** The vote a voter with this history starts every round with. */
    Vote ownVote(MemberId self, long round) {
        return new Vote(self, lastLoggedZxid, round, currentEpoch);
    }
}
