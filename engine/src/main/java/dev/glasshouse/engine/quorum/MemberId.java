package dev.glasshouse.engine.quorum;

/**
 * The id of one ensemble member, ZooKeeper's {@code myid} ({@code server.N} in zoo.cfg). Ids are
 * unique within an ensemble and break ties in the vote order: the higher id wins. Immutable.
 */
public record MemberId(long value) implements Comparable<MemberId> {
    /** Stands for "no member": an observer's own vote names it, and it can never win an election. */
    public static final MemberId NOBODY = new MemberId(Long.MIN_VALUE);

    public static MemberId of(long value) {
        return new MemberId(value);
    }

    @Override
    public int compareTo(MemberId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return this.equals(NOBODY) ? "nobody" : "0x" + Long.toHexString(value);
    }
}
