package dev.glasshouse.samples.barrier;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Wakeup;
import dev.glasshouse.samples.Znodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;

/**
 * A double barrier for a fixed number of participants: nobody starts the computation before all
 * have entered, and nobody leaves before all have finished.
 *
 * <pre>
 * /samples/double-barrier
 *     members/alice   ephemeral, from enter until leave
 *     members/bob
 *     ready           created by whoever sees the group complete
 * </pre>
 *
 * <p><b>Enter</b>: create our member znode, watch {@code ready}, then count the members. The one
 * that completes the group creates {@code ready}; everybody else is woken by that single create.
 * <b>Leave</b>: members leave in name order around the lowest one. The lowest waits for the highest
 * to go; every other member deletes its znode and waits for the lowest to go. So each leaver watches
 * one znode, and the lowest deletes its own znode last, once it is alone. Member znodes are
 * ephemeral: a participant that crashes while leaving does not block the others. Use a fresh path
 * for every round. One instance per participant; waiting happens on the caller's thread.
 */
public final class DoubleBarrier {
    private final Participant self;
    private final String barrierPath;
    private final int size;
    private final AtomicInteger wakeUps = new AtomicInteger();

    public DoubleBarrier(Participant self, String barrierPath, int size) {
        this.self = self;
        this.barrierPath = barrierPath;
        this.size = size;
    }

    /** Blocks until {@code size} participants have entered. */
    public void enter(Deadline deadline) throws KeeperException, InterruptedException, TimeoutException {
        Znodes.ensurePath(self.zk(), membersPath());
        self.zk().create(memberPath(self.name()), self.name().getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL);
        Wakeup ready = new Wakeup(wakeUps);
        // Watch before counting: if the last member arrives after our count, its create still wakes us.
        if (self.zk().exists(readyPath(), ready) != null) {
            self.say("enters: the group is complete");
            return;
        }
        int present = self.zk().getChildren(membersPath(), false).size();
        if (present >= size) {
            try {
                self.zk().create(readyPath(), new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException concurrentlyCompleted) {
                // Another member counted the full group at the same time: ready exists, as wanted.
            }
            self.say("enters last (" + present + " of " + size + ") and creates ready");
            return;
        }
        self.say("enters and waits (" + present + " of " + size + ")");
        ready.await(deadline, "all " + size + " participants to enter " + barrierPath);
        self.say("proceeds: the group is complete");
    }

    /** Blocks until every participant has left. */
    public void leave(Deadline deadline) throws KeeperException, InterruptedException, TimeoutException {
        String own = self.name();
        while (true) {
            List<String> members = new ArrayList<>(self.zk().getChildren(membersPath(), false));
            members.sort(null);
            if (members.isEmpty() || members.equals(List.of(own))) {
                deleteQuietly(memberPath(own));
                deleteQuietly(readyPath());   // the last one out turns off the lights
                self.say("leaves: everybody is done");
                return;
            }
            String lowest = members.get(0);
            String awaited = own.equals(lowest) ? members.get(members.size() - 1) : lowest;
            if (!own.equals(lowest) && members.contains(own)) {
                deleteQuietly(memberPath(own));
                self.say("is done and waits for the others to finish");
            }
            Wakeup gone = new Wakeup(wakeUps);
            try {
                self.zk().getData(memberPath(awaited), gone, null);
                gone.await(deadline, awaited + " to leave " + barrierPath);
            } catch (KeeperException.NoNodeException alreadyGone) {
                // It left between the two reads: look at the members again.
            }
        }
    }

    /** How many times a change of a watched znode woke this participant. */
    public int wakeUps() {
        return wakeUps.get();
    }

    private void deleteQuietly(String path) throws KeeperException, InterruptedException {
        try {
            self.zk().delete(path, -1);
        } catch (KeeperException.NoNodeException alreadyGone) {
            // Deleted already, by us earlier or by the last member out: the goal is reached.
        }
    }

    private String membersPath() {
        return barrierPath + "/members";
    }

    private String memberPath(String name) {
        return membersPath() + "/" + name;
    }

    private String readyPath() {
        return barrierPath + "/ready";
    }
}
