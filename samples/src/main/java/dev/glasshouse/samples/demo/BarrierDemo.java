package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.barrier.Barrier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** A coordinator holds everyone at a barrier, then lowers it and they all go at once. */
final class BarrierDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String gate = stage.freshRoot("barrier") + "/gate";
        Barrier coordinator = new Barrier(stage.join("coordinator"), gate);
        coordinator.raise();
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < stage.participants(); i++) {
            Participant p = stage.join(Stage.nameOf(i));
            runs.add(stage.inBackground(() -> {
                new Barrier(p, gate).await(Deadline.after(Stage.PATIENCE));
                return null;
            }));
            stage.pause();
        }
        stage.pause(2);
        coordinator.lower();
        for (Future<Void> run : runs) {
            Stage.await(run);
        }
    }
}
