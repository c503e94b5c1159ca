package dev.glasshouse.samples.masterworker;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import dev.glasshouse.samples.election.LeaderElection;
import dev.glasshouse.samples.election.LeadershipListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * A master of the master-worker system. Masters run a {@link LeaderElection}; the elected one
 * assigns pending tasks to idle workers and hands the tasks of dead workers to others, the backups
 * wait to take over.
 *
 * <p>The master keeps no state of its own that matters: on every change (a task submitted, a worker
 * joined, died or finished a task) it reads the whole state from ZooKeeper and repairs whatever
 * differs from what should be. A backup that takes over therefore recovers simply by doing the same
 * thing once: whatever the old master did or left half-done is in ZooKeeper, nothing is lost.
 * An assignment is a {@code multi} that checks the task still exists, so a task that finished in
 * the meantime is never handed out again.
 *
 * <p>Works on its own thread ({@link ChangeLoop}); watches only wake that thread.
 */
public final class Master implements AutoCloseable {
    private final Participant self;
    private final Layout layout;
    private final LeaderElection election;
    private final ChangeLoop loop;

    public Master(Participant self, Layout layout) {
        this.self = self;
        this.layout = layout;
        this.loop = new ChangeLoop(self, "master", this::reconcileIfLeading);
        this.election = new LeaderElection(self, layout.masters(), new LeadershipListener() {
            @Override
            public void elected() {
                self.say("takes over as master: recovers the state from ZooKeeper");
                loop.signal();
            }

            @Override
            public void ousted() {
                loop.stop();
            }
        });
    }

    /** Starts the master's thread and joins the master election. */
    public void start() throws KeeperException, InterruptedException {
        layout.ensureExists(self.zk());
        loop.start();
        election.join();
    }

    public boolean isLeader() {
        return election.isLeader();
    }

    public void awaitLeadership(Deadline deadline) throws InterruptedException, TimeoutException {
        election.awaitLeadership(deadline);
    }

    /** How many times a change of a watched znode woke this master. */
    public int wakeUps() {
        return loop.wakeUps() + election.wakeUps();
    }

    /** Stops the master's thread; its session, and so its candidacy, belongs to its owner. */
    @Override
    public void close() throws InterruptedException {
        loop.close();
    }

    private void reconcileIfLeading() throws KeeperException, InterruptedException {
        if (!election.isLeader()) {
            return;
        }
        ZooKeeper zk = self.zk();
        Set<String> live = new HashSet<>(zk.getChildren(layout.workers(), loop.watcher()));
        List<String> pending = new ArrayList<>(Znodes.sortedBySequence(zk.getChildren(layout.tasks(), loop.watcher())));
        List<String> idle = new ArrayList<>();
        List<String> workerDirs = new ArrayList<>(zk.getChildren(layout.assignRoot(), false));
        workerDirs.sort(null);
        for (String worker : workerDirs) {
            if (live.contains(worker)) {
                List<String> held = zk.getChildren(layout.assigned(worker), loop.watcher());
                pending.removeAll(held);
                if (held.isEmpty()) {
                    idle.add(worker);
                }
            } else {
                requeueTasksOf(worker);   // its tasks stay in pending: they are handed out below
            }
        }
        assign(pending, idle);
    }

    private void requeueTasksOf(String deadWorker) throws KeeperException, InterruptedException {
        for (String task : self.zk().getChildren(layout.assigned(deadWorker), false)) {
            try {
                self.zk().delete(layout.assignment(deadWorker, task), -1);
                self.say(deadWorker + " is gone: " + task + " goes back to the pending tasks");
            } catch (KeeperException.NoNodeException alreadyRequeued) {
                // A previous master requeued it just before it crashed: nothing left to do.
            }
        }
    }

    private void assign(List<String> pending, List<String> idle) throws KeeperException, InterruptedException {
        for (String task : pending) {
            if (idle.isEmpty()) {
                return;
            }
            String worker = idle.get(0);
            try {
                byte[] payload = self.zk().getData(layout.task(task), false, null);
                self.zk().multi(List.of(
                        Op.check(layout.task(task), -1),
                        Op.create(layout.assignment(worker, task), payload, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
                idle.remove(0);
                self.say("assigns " + task + " to " + worker);
            } catch (KeeperException.NoNodeException finished) {
                // The task finished (or the worker's directory vanished) since we looked: skip it.
            } catch (KeeperException.NodeExistsException alreadyAssigned) {
                // Already assigned to that worker: it is busy, not idle.
                idle.remove(0);
            }
        }
    }
}
