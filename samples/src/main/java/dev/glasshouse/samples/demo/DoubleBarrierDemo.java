package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.barrier.DoubleBarrier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** Participants arrive at different times, start together, work for different times, leave together. */
final class DoubleBarrierDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("double-barrier") + "/round-1";
        int size = stage.participants();
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Participant p = stage.join(Stage.nameOf(i));
            int workBeats = size - i;
            runs.add(stage.inBackground(() -> {
                DoubleBarrier barrier = new DoubleBarrier(p, path, size);
                barrier.enter(Deadline.after(Stage.PATIENCE));
                p.say("computes for " + workBeats + " beats");
                stage.pause(workBeats);
                barrier.leave(Deadline.after(Stage.PATIENCE));
                return null;
            }));
            stage.pause();
        }
        for (Future<Void> run : runs) {
            Stage.await(run);
        }
    }
}
