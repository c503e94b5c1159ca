package dev.glasshouse.engine.quorum;

/**
 * ZooKeeper's two epoch files: {@code acceptedEpoch}, the highest epoch this member promised to
 * follow (written when it accepts LEADERINFO), and {@code currentEpoch}, the epoch of the last
 * leader it synchronized with (written at NEWLEADER, after the synced transactions are durable).
 * Immutable; {@code currentEpoch <= acceptedEpoch}.
 */
public record Epochs(long acceptedEpoch, long currentEpoch) {
    public static final Epochs ZERO = new Epochs(0, 0);

    public Epochs {
        Check.state(currentEpoch >= 0 && currentEpoch <= acceptedEpoch, "currentEpoch %d outside [0, acceptedEpoch %d]",
                currentEpoch, acceptedEpoch);
    }
}
