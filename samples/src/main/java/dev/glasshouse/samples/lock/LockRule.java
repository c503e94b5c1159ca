package dev.glasshouse.samples.lock;

import java.util.List;
import java.util.Optional;

/**
 * Which earlier queue entry keeps a lock request waiting. Each request watches only that one znode,
 * so a release wakes just the requests it concerns instead of the whole queue (no herd effect).
 */
enum LockRule {
    /** Exclusive: every earlier request blocks, and the nearest one is the one to watch. */
    EXCLUSIVE {
        @Override
        Optional<String> blocker(List<String> queue, int position) {
            return position == 0 ? Optional.empty() : Optional.of(queue.get(position - 1));
        }
    },
    /** Shared (a reader): only earlier writers block; readers share the lock with each other. */
    SHARED {
        @Override
        Optional<String> blocker(List<String> queue, int position) {
            for (int i = position - 1; i >= 0; i--) {
                if (queue.get(i).startsWith(ReadWriteLock.WRITE_PREFIX)) {
                    return Optional.of(queue.get(i));
                }
            }
            return Optional.empty();
        }
    };

    /** The entry to wait for, given the queue in sequence order and this request's position in it. */
    abstract Optional<String> blocker(List<String> queue, int position);
}
