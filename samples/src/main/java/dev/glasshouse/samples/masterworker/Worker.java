package dev.glasshouse.samples.masterworker;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs.Ids;

/**
 * A worker of the master-worker system: registers as an ephemeral znode, watches its own assignment
 * directory, executes what it finds there and commits each result with one {@code multi}: create the
 * status, delete the assignment, delete the task. That commit is all or nothing and can succeed only
 * once per task: if the master took the task away (because this worker was thought dead), deleting
 * the assignment fails and the result is discarded; if another worker finished it first, creating
 * the status fails. So every task completes exactly once, even if it is executed twice.
 *
 * <p>Works on its own thread ({@link ChangeLoop}).
 */
public final class Worker implements AutoCloseable {
    private final Participant self;
    private final Layout layout;
    private final TaskHandler handler;
    private final ChangeLoop loop;
    private final List<String> completed = new ArrayList<>();

    public Worker(Participant self, Layout layout, TaskHandler handler) {
        this.self = self;
        this.layout = layout;
        this.handler = handler;
        this.loop = new ChangeLoop(self, "worker", this::workOnAssignments);
    }

    /** Creates its assignment directory, then registers: a master never sees a worker without one. */
    public void start() throws KeeperException, InterruptedException {
        layout.ensureExists(self.zk());
        Znodes.ensurePath(self.zk(), layout.assigned(self.name()));
        self.zk().create(layout.worker(self.name()), self.name().getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL);
        self.say("registers as a worker");
        loop.start();
        loop.signal();
    }

    /** The tasks whose results this worker committed, in order. */
    public synchronized List<String> completed() {
        return List.copyOf(completed);
    }

    /** How many times a change of its assignments woke this worker. */
    public int wakeUps() {
        return loop.wakeUps();
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
    }

    private void workOnAssignments() throws KeeperException, InterruptedException {
        List<String> tasks = Znodes.sortedBySequence(self.zk().getChildren(layout.assigned(self.name()),
                loop.watcher()));
        for (String task : tasks) {
            byte[] payload;
            try {
                payload = self.zk().getData(layout.assignment(self.name(), task), false, null);
            } catch (KeeperException.NoNodeException takenAway) {
                continue;
            }
            self.say("works on " + task);
            String result = handler.execute(task, new String(payload, UTF_8));
            commit(task, result);
        }
    }

    private void commit(String task, String result) throws KeeperException, InterruptedException {
        try {
            self.zk().multi(List.of(
                    Op.delete(layout.assignment(self.name(), task), -1),
                    Op.delete(layout.task(task), -1),
                    Op.create(layout.status(task), result.getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT)));
        } catch (KeeperException.NoNodeException | KeeperException.NodeExistsException lost) {
            self.say("discards its result for " + task + ": the task was taken away or is done");
            return;
        }
        synchronized (this) {
            completed.add(task);
        }
        self.say("completes " + task + " -> " + result);
    }
}
