package dev.glasshouse.samples.lock;

import dev.glasshouse.samples.Participant;

/**
 * A read-write lock: readers share it, a writer holds it alone. Readers and writers queue under one
 * path with their own name prefix, and ZooKeeper numbers them with the parent's single counter:
 *
 * <pre>
 * /samples/rwlock
 *     read-0000000000    holds (no writer before it)
 *     read-0000000001    holds too: readers share
 *     write-0000000002   watches read-0000000001, the entry just before it
 *     read-0000000003    watches write-0000000002, the nearest writer before it
 * </pre>
 *
 * A reader waits only for the nearest earlier writer; a writer waits for the entry just before it.
 * Requests are served in arrival order, so a stream of readers cannot starve a writer.
 */
public final class ReadWriteLock {
    static final String READ_PREFIX = "read-";
    static final String WRITE_PREFIX = "write-";

    private ReadWriteLock() {
    }

    /** The read side at {@code lockPath} for one participant. */
    public static DistributedLock readLock(Participant self, String lockPath) {
        return new DistributedLock(self, lockPath, READ_PREFIX, LockRule.SHARED);
    }

    /** The write side at {@code lockPath} for one participant. */
    public static DistributedLock writeLock(Participant self, String lockPath) {
        return new DistributedLock(self, lockPath, WRITE_PREFIX, LockRule.EXCLUSIVE);
    }
}
