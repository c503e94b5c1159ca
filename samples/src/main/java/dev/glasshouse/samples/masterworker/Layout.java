package dev.glasshouse.samples.masterworker;

import dev.glasshouse.samples.Znodes;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * Where the master-worker system keeps its state; everything a master needs to recover is here.
 *
 * <pre>
 * root/masters/candidate-N    ephemeral sequential: the master election (lowest leads)
 * root/workers/NAME           ephemeral: a live worker
 * root/tasks/task-N           persistent sequential: a submitted task that is not done yet
 * root/assign/NAME/task-N     persistent: task-N is assigned to worker NAME (data: the payload)
 * root/status/task-N          persistent: task-N is done (data: the result)
 * </pre>
 *
 * A task is pending while it is in {@code tasks} and under no {@code assign/NAME}; in progress
 * while it is under exactly one; done once {@code status/task-N} exists and it left {@code tasks}.
 */
public record Layout(String root) {

    /** Creates the persistent parents; every participant may do this, in any order. */
    public void ensureExists(ZooKeeper zk) throws KeeperException, InterruptedException {
        for (String path : List.of(masters(), workers(), tasks(), assignRoot(), statusRoot())) {
            Znodes.ensurePath(zk, path);
        }
    }

    public String masters() {
        return root + "/masters";
    }

    public String workers() {
        return root + "/workers";
    }

    public String worker(String name) {
        return workers() + "/" + name;
    }

    public String tasks() {
        return root + "/tasks";
    }

    public String task(String task) {
        return tasks() + "/" + task;
    }

    public String assignRoot() {
        return root + "/assign";
    }

    public String assigned(String worker) {
        return assignRoot() + "/" + worker;
    }

    public String assignment(String worker, String task) {
        return assigned(worker) + "/" + task;
    }

    public String statusRoot() {
        return root + "/status";
    }

    public String status(String task) {
        return statusRoot() + "/" + task;
    }
}
