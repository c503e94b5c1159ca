package dev.glasshouse.engine.quorum;

/**
 * A ZooKeeper transaction id: the leader's epoch in the high 32 bits and a counter in the low 32
 * ({@code epoch << 32 | counter}). Zxids are compared as signed longs, as ZooKeeper does, so every
 * new epoch orders after every transaction of the epochs before it. Shown in hex. Immutable.
 */
public record Zxid(long value) implements Comparable<Zxid> {
    public static final Zxid ZERO = new Zxid(0);
    /** Orders before every real zxid; the zxid of an observer's own vote. */
    public static final Zxid NONE = new Zxid(Long.MIN_VALUE);

    private static final long COUNTER_MASK = 0xffff_ffffL;

    public static Zxid of(long epoch, long counter) {
        Check.state(epoch >= 0 && epoch <= Integer.MAX_VALUE, "zxid epoch %d out of range", epoch);
        Check.state(counter >= 0 && counter <= COUNTER_MASK, "zxid counter %d out of range", counter);
        return new Zxid(epoch << 32 | counter);
    }

    public long epoch() {
        return value >>> 32;
    }

    public long counter() {
        return value & COUNTER_MASK;
    }

    public boolean isAfter(Zxid other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Zxid other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return this.equals(NONE) ? "none" : "0x" + Long.toHexString(value);
    }
}
