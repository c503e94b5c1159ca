package dev.glasshouse.samples.masterworker;

import static java.nio.charset.StandardCharsets.UTF_8;

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
 * A client of the master-worker system: submits tasks as sequential znodes and watches the status
 * znode of its own task only, so other tasks finishing never wake it. Any thread.
 */
public final class TaskClient {
    private final Participant self;
    private final Layout layout;
    private final AtomicInteger wakeUps = new AtomicInteger();

    public TaskClient(Participant self, Layout layout) {
        this.self = self;
        this.layout = layout;
    }

    /** Submits a task and returns its name ({@code task-0000000004}). */
    public String submit(String payload) throws KeeperException, InterruptedException {
        String path = self.zk().create(layout.tasks() + "/task-", payload.getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL);
        String task = Znodes.nameOf(path);
        self.say("submits \"" + payload + "\" as " + task);
        return task;
    }

    /** Blocks until {@code task} is done and returns its result. */
    public String awaitResult(String task, Deadline deadline)
            throws KeeperException, InterruptedException, TimeoutException {
        while (true) {
            Wakeup done = new Wakeup(wakeUps);
            // exists on a missing node sets a watch that fires when it is created: what we wait for.
            if (self.zk().exists(layout.status(task), done) != null) {
                String result = new String(self.zk().getData(layout.status(task), false, null), UTF_8);
                self.say("learns " + task + " is done: " + result);
                return result;
            }
            done.await(deadline, "the result of " + task);
        }
    }

    /** How many times a change of a watched znode woke this client. */
    public int wakeUps() {
        return wakeUps.get();
    }
}
