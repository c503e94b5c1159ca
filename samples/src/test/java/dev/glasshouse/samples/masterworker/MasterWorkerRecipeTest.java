package dev.glasshouse.samples.masterworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The master-worker system with a worker and a master killed while tasks are in flight. */
@Timeout(90)
abstract class MasterWorkerRecipeTest extends RecipeTest {

    @Test
    void everyTaskCompletesExactlyOnceDespiteAKilledWorkerAndAKilledMaster() throws Exception {
        Layout layout = new Layout(root);
        List<Participant> masterSessions = new ArrayList<>();
        List<Master> masters = new ArrayList<>();
        for (String name : List.of("master1", "master2")) {
            Participant p = participant(name);
            Master master = new Master(p, layout);
            master.start();
            masterSessions.add(p);
            masters.add(master);
        }
        masters.get(0).awaitLeadership(deadline());

        CountDownLatch doomedIsBusy = new CountDownLatch(1);
        CountDownLatch doomedMayFinish = new CountDownLatch(1);
        Participant doomed = participant("worker1");
        List<Worker> workers = new ArrayList<>();
        workers.add(startWorker(doomed, layout, (task, payload) -> {
            doomedIsBusy.countDown();
            doomedMayFinish.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return "done by worker1";
        }));
        TaskClient client = new TaskClient(participant("client"), layout);
        List<String> tasks = new ArrayList<>();
        tasks.add(client.submit("task for whoever comes first"));
        assertThat(doomedIsBusy.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        for (String name : List.of("worker2", "worker3")) {
            workers.add(startWorker(participant(name), layout, (task, payload) -> payload.toUpperCase()));
        }
        for (int i = 0; i < 5; i++) {
            tasks.add(client.submit("batch one #" + i));
        }

        crash(doomed);            // worker1 dies holding the first task
        doomedMayFinish.countDown();   // ... and its late result must be discarded
        for (String task : tasks) {
            client.awaitResult(task, deadline());
        }

        expire(masterSessions.get(0));
        masters.get(1).awaitLeadership(deadline());
        for (int i = 0; i < 6; i++) {
            tasks.add(client.submit("batch two #" + i));
        }
        Map<String, String> results = new HashMap<>();
        for (String task : tasks) {
            results.put(task, client.awaitResult(task, deadline()));
        }

        assertThat(results).hasSize(12).doesNotContainValue("done by worker1");
        List<String> completions = new ArrayList<>();
        workers.forEach(worker -> completions.addAll(worker.completed()));
        assertThat(completions).hasSize(12).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tasks);
        Participant observer = participant("observer");
        assertThat(observer.zk().getChildren(layout.tasks(), false)).isEmpty();
        assertThat(observer.zk().getChildren(layout.statusRoot(), false)).hasSize(12);
        assertThat(transcript.count("master2", "takes over as master")).isEqualTo(1);
        // The client watches only its own task's status, so it is woken at most once per task.
        assertThat(client.wakeUps()).isLessThanOrEqualTo(12);
        for (Master master : masters) {
            master.close();
        }
        for (Worker worker : workers) {
            worker.close();
        }
    }

    @Test
    void aBackupMasterRecoversTasksSubmittedWhileNoMasterLed() throws Exception {
        Layout layout = new Layout(root);
        Participant first = participant("master1");
        Master master1 = new Master(first, layout);
        master1.start();
        master1.awaitLeadership(deadline());
        crash(first);

        TaskClient client = new TaskClient(participant("client"), layout);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(client.submit("orphan #" + i));
        }
        Worker worker = startWorker(participant("worker1"), layout, (task, payload) -> "ok " + payload);
        Master master2 = new Master(participant("master2"), layout);
        master2.start();
        for (String task : tasks) {
            assertThat(client.awaitResult(task, deadline())).startsWith("ok orphan");
        }
        assertThat(worker.completed()).containsExactlyElementsOf(tasks);
        master2.close();
        worker.close();
    }

    private static Worker startWorker(Participant participant, Layout layout, TaskHandler handler) throws Exception {
        Worker worker = new Worker(participant, layout, handler);
        worker.start();
        return worker;
    }
}
