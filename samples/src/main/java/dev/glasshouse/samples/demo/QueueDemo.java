package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.queue.DistributedQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** One producer, the other participants consume; every job is taken once, in FIFO order. */
final class QueueDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("queue") + "/jobs";
        int consumers = Math.max(1, stage.participants() - 1);
        int jobs = 3 * consumers;
        AtomicInteger toTake = new AtomicInteger(jobs);
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 1; i <= consumers; i++) {
            Participant p = stage.join(Stage.nameOf(i));
            runs.add(stage.inBackground(() -> {
                DistributedQueue queue = new DistributedQueue(p, path);
                while (toTake.getAndDecrement() > 0) {
                    queue.take(Deadline.after(Stage.PATIENCE));
                    stage.pause(2);
                }
                return null;
            }));
        }
        DistributedQueue producer = new DistributedQueue(stage.join(Stage.nameOf(0)), path);
        for (int job = 1; job <= jobs; job++) {
            producer.offer("job " + job);
            stage.pause();
        }
        for (Future<Void> run : runs) {
            Stage.await(run);
        }
    }
}
