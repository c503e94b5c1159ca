package dev.glasshouse.samples.barrier;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Wakeup;
import dev.glasshouse.samples.Znodes;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;

/**
 * A barrier: while its znode exists, participants wait; a coordinator deletes it to let them all go.
 *
 * <pre>
 * /samples/barrier/gate   exists: everybody waits; deleted: everybody proceeds
 * </pre>
 *
 * <p>A waiter reads the znode with a watch; if it is already gone it proceeds, otherwise its watch
 * fires exactly once, on the delete. The gate is persistent on purpose: if the coordinator crashes,
 * the waiters keep waiting (until their deadline) rather than proceed too early. One instance per
 * participant; waiting happens on the caller's thread.
 */
public final class Barrier {
    private final Participant self;
    private final String gatePath;
    private final AtomicInteger wakeUps = new AtomicInteger();

    public Barrier(Participant self, String gatePath) {
        this.self = self;
        this.gatePath = gatePath;
    }

    /** Closes the gate (the coordinator does this before anyone waits). */
    public void raise() throws KeeperException, InterruptedException {
        Znodes.ensurePath(self.zk(), gatePath.substring(0, gatePath.lastIndexOf('/')));
        try {
            self.zk().create(gatePath, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException alreadyRaised) {
            // Raised already: raising is idempotent.
        }
        self.say("raises the barrier " + gatePath);
    }

    /** Opens the gate: every waiter's watch fires. */
    public void lower() throws KeeperException, InterruptedException {
        try {
            self.zk().delete(gatePath, -1);
        } catch (KeeperException.NoNodeException alreadyLowered) {
            // Lowered already: lowering is idempotent.
        }
        self.say("lowers the barrier");
    }

    /** Blocks while the gate exists; throws when {@code deadline} passes first. */
    public void await(Deadline deadline) throws KeeperException, InterruptedException, TimeoutException {
        Wakeup wakeup = new Wakeup(wakeUps);
        try {
            // getData, not exists: on a missing node it registers no watch that could fire later.
            self.zk().getData(gatePath, wakeup, null);
        } catch (KeeperException.NoNodeException open) {
            self.say("passes the barrier");
            return;
        }
        self.say("waits at the barrier");
        wakeup.await(deadline, "the barrier " + gatePath + " to be lowered");
        if (self.zk().exists(gatePath, false) != null) {
            throw new IllegalStateException(gatePath + " was changed, not lowered: the barrier is still up");
        }
        self.say("passes the barrier");
    }

    /** How many times a change of the gate woke this participant. */
    public int wakeUps() {
        return wakeUps.get();
    }
}
