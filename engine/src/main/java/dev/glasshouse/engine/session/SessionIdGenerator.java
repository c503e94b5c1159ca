package dev.glasshouse.engine.session;

/**
 * Issues session ids the way ZooKeeper does: the creating member's id in the top byte and a
 * start-time-derived counter below it, so ids from different members and restarts do not collide.
 * The top byte stays below 0xFF, which marks TTL nodes in {@code ephemeralOwner}.
 */
public final class SessionIdGenerator {
    private long next;

    public SessionIdGenerator(int memberId, long startMillis) {
        if (memberId < 0 || memberId > 254) {
            throw new IllegalArgumentException("member id must be 0..254, got " + memberId);
        }
        this.next = ((startMillis << 24) >>> 8) | ((long) memberId << 56);
    }

    /**
     * Makes every later id larger than {@code id} when it was issued by this member, so that sessions
     * recovered at start-up never collide with new ones even if the clock stepped back across the restart.
     */
    public void skipPast(long id) {
        if ((id >>> 56) == (next >>> 56) && id >= next) {
            next = id + 1;
        }
    }

    public long next() {
        return next++;
    }
}
