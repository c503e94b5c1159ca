package dev.glasshouse.samples.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Wakeup;
import dev.glasshouse.samples.Znodes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * A lock held through ZooKeeper: every request is an ephemeral sequential znode under the lock's
 * path, and the sequence numbers form a fair queue.
 *
 * <pre>
 * /samples/lock
 *     lock-0000000000   alice   holds the lock (lowest number)
 *     lock-0000000001   bob     watches lock-0000000000 only
 *     lock-0000000002   carol   watches lock-0000000001 only
 * </pre>
 *
 * <p>To acquire, a participant creates its node, lists the queue and, unless nothing blocks it,
 * watches the one node that does ({@link LockRule}) and waits. When that node goes, it lists the
 * queue again: the blocker may have released, or may have crashed while waiting itself, in which
 * case the participant simply watches the next blocker. Because the node is ephemeral, a holder
 * that crashes releases the lock when its session ends.
 *
 * <p>One instance per participant, used from one thread at a time; not reentrant.
 */
public final class DistributedLock {
    private final Participant self;
    private final String lockPath;
    private final String prefix;
    private final LockRule rule;
    private final AtomicInteger wakeUps = new AtomicInteger();
    private Optional<String> ownNode = Optional.empty();

    DistributedLock(Participant self, String lockPath, String prefix, LockRule rule) {
        this.self = self;
        this.lockPath = lockPath;
        this.prefix = prefix;
        this.rule = rule;
    }

    /** An exclusive lock at {@code lockPath}: at most one participant holds it at a time. */
    public static DistributedLock exclusive(Participant self, String lockPath) {
        return new DistributedLock(self, lockPath, "lock-", LockRule.EXCLUSIVE);
    }

    /** Blocks until this participant holds the lock, or throws when {@code deadline} passes first. */
    public void acquire(Deadline deadline) throws KeeperException, InterruptedException, TimeoutException {
        if (ownNode.isPresent()) {
            throw new IllegalStateException(self.name() + " already holds or awaits " + ownNode.get());
        }
        ZooKeeper zk = self.zk();
        Znodes.ensurePath(zk, lockPath);
        String path = zk.create(lockPath + "/" + prefix, self.name().getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL_SEQUENTIAL);
        ownNode = Optional.of(path);
        try {
            waitForTurn(Znodes.nameOf(path), deadline);
        } catch (TimeoutException | InterruptedException e) {
            release();   // leave the queue, or the participants behind us would wait for nothing
            throw e;
        }
    }

    /** Releases the lock (or leaves the queue): deleting our node wakes whoever watches it. */
    public void release() throws KeeperException, InterruptedException {
        if (ownNode.isEmpty()) {
            return;
        }
        String path = ownNode.get();
        ownNode = Optional.empty();
        try {
            self.zk().delete(path, -1);
        } catch (KeeperException.NoNodeException alreadyGone) {
            // Our session ended and took the node with it: the lock is released either way.
        }
        self.say("releases " + Znodes.nameOf(path));
    }

    /** How many times a change of a watched znode woke this participant. */
    public int wakeUps() {
        return wakeUps.get();
    }

    private void waitForTurn(String own, Deadline deadline)
            throws KeeperException, InterruptedException, TimeoutException {
        ZooKeeper zk = self.zk();
        while (true) {
            List<String> queue = Znodes.sortedBySequence(zk.getChildren(lockPath, false));
            int position = queue.indexOf(own);
            if (position < 0) {
                throw new IllegalStateException(own + " vanished from " + lockPath + ": the session of "
                        + self.name() + " has ended");
            }
            Optional<String> blocker = rule.blocker(queue, position);
            if (blocker.isEmpty()) {
                self.say("holds the lock with " + own);
                return;
            }
            Wakeup wakeup = new Wakeup(wakeUps);
            try {
                // getData, not exists: on a vanished node it fails instead of leaving a watch behind.
                byte[] holder = zk.getData(lockPath + "/" + blocker.get(), wakeup, null);
                self.say(own + " waits for " + blocker.get() + " (" + new String(holder, UTF_8) + ")");
                wakeup.await(deadline, blocker.get() + " to go");
            } catch (KeeperException.NoNodeException gone) {
                // The blocker left between the two reads: look at the queue again.
            }
        }
    }
}
