package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.masterworker.Layout;
import dev.glasshouse.samples.masterworker.Master;
import dev.glasshouse.samples.masterworker.TaskClient;
import dev.glasshouse.samples.masterworker.Worker;
import java.util.ArrayList;
import java.util.List;

/**
 * Two masters (a primary and a backup), the participants as workers, and a client submitting
 * tasks. The first worker dies while working; later the primary master dies and the backup
 * recovers the state from ZooKeeper. Every task still completes exactly once.
 */
final class MasterWorkerDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        Layout layout = new Layout(stage.freshRoot("master-worker"));
        Participant primary = stage.join("master-1");
        List<Master> masters = new ArrayList<>();
        for (Participant p : List.of(primary, stage.join("master-2"))) {
            Master master = new Master(p, layout);
            master.start();
            masters.add(master);
        }
        masters.get(0).awaitLeadership(Deadline.after(Stage.PATIENCE));
        int workerCount = Math.max(2, stage.participants());
        List<Participant> workerSessions = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            Participant p = stage.join(Stage.nameOf(i));
            Worker worker = new Worker(p, layout, (task, payload) -> {
                stage.pause(2);
                return payload.replace("resize", "resized");
            });
            worker.start();
            workerSessions.add(p);
            workers.add(worker);
        }
        TaskClient client = new TaskClient(stage.join("client"), layout);
        List<String> tasks = new ArrayList<>();
        for (int i = 1; i <= 2 * workerCount; i++) {
            tasks.add(client.submit("resize image-" + i));
        }
        stage.pause();
        stage.crash(workerSessions.get(0));
        client.awaitResult(tasks.get(0), Deadline.after(Stage.PATIENCE));
        stage.crash(primary);
        for (int i = 1; i <= workerCount; i++) {
            tasks.add(client.submit("resize thumbnail-" + i));
        }
        for (String task : tasks) {
            client.awaitResult(task, Deadline.after(Stage.PATIENCE));
        }
        int completions = workers.stream().mapToInt(worker -> worker.completed().size()).sum();
        stage.say(tasks.size() + " tasks submitted, " + completions + " completed: each exactly once");
        for (Master master : masters) {
            master.close();
        }
        for (Worker worker : workers) {
            worker.close();
        }
    }
}
