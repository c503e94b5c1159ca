package dev.glasshouse.samples.queue;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Wakeup;
import dev.glasshouse.samples.Znodes;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;

/**
 * A FIFO queue: producers add persistent sequential znodes, consumers take the lowest number.
 *
 * <pre>
 * /samples/queue
 *     item-0000000007   "job 7"   next to be taken
 *     item-0000000008   "job 8"
 * </pre>
 *
 * <p>Taking an item is deleting its znode: the delete succeeds for exactly one consumer, and the
 * others move on to the next item. Items are persistent, so a producer that crashes after an offer
 * loses nothing. A consumer that crashes after its delete loses that item (at most once); the
 * master-worker recipe shows how to get at-least-once with assignments. An idle consumer watches
 * the queue's children, so every idle consumer is woken by a new item and all but one go back to
 * waiting: for a queue, that is the price of FIFO order. One instance per participant; any thread.
 */
public final class DistributedQueue {
    private static final String PREFIX = "item-";

    private final Participant self;
    private final String queuePath;
    private final AtomicInteger wakeUps = new AtomicInteger();

    public DistributedQueue(Participant self, String queuePath) {
        this.self = self;
        this.queuePath = queuePath;
    }

    /** Adds an item at the tail and returns its znode name. */
    public String offer(String item) throws KeeperException, InterruptedException {
        String path;
        try {
            path = create(item);
        } catch (KeeperException.NoNodeException firstUse) {
            Znodes.ensurePath(self.zk(), queuePath);
            path = create(item);
        }
        self.say("offers \"" + item + "\" as " + Znodes.nameOf(path));
        return Znodes.nameOf(path);
    }

    /** Takes the item at the head, waiting for one if the queue is empty. */
    public String take(Deadline deadline) throws KeeperException, InterruptedException, TimeoutException {
        while (true) {
            List<String> items = items();
            if (items.isEmpty()) {
                Wakeup wakeup = new Wakeup(wakeUps);
                items = self.zk().getChildren(queuePath, wakeup);   // watch only when about to wait
                if (items.isEmpty()) {
                    self.say("waits for an item");
                    wakeup.await(deadline, "an item in " + queuePath);
                    continue;
                }
            }
            for (String item : Znodes.sortedBySequence(items)) {
                String path = queuePath + "/" + item;
                try {
                    String text = new String(self.zk().getData(path, false, null), UTF_8);
                    self.zk().delete(path, -1);
                    self.say("takes \"" + text + "\" (" + item + ")");
                    return text;
                } catch (KeeperException.NoNodeException takenByAnother) {
                    // Another consumer deleted it first: try the next one.
                }
            }
            deadline.check("an item in " + queuePath);
        }
    }

    /** How many times a change of the queue woke this consumer. */
    public int wakeUps() {
        return wakeUps.get();
    }

    private List<String> items() throws KeeperException, InterruptedException {
        try {
            return self.zk().getChildren(queuePath, false);
        } catch (KeeperException.NoNodeException firstUse) {
            Znodes.ensurePath(self.zk(), queuePath);
            return List.of();
        }
    }

    private String create(String item) throws KeeperException, InterruptedException {
        return self.zk().create(queuePath + "/" + PREFIX, item.getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL);
    }
}
