package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.lock.DistributedLock;
import dev.glasshouse.samples.lock.ReadWriteLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** Readers share the lock, writers take it alone; every other participant is a writer. */
final class ReadWriteLockDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("rwlock") + "/lock";
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < Math.max(2, stage.participants()); i++) {
            Participant p = stage.join(Stage.nameOf(i));
            boolean writer = i % 2 == 1;
            runs.add(stage.inBackground(() -> {
                DistributedLock lock = writer ? ReadWriteLock.writeLock(p, path) : ReadWriteLock.readLock(p, path);
                for (int round = 0; round < 2; round++) {
                    lock.acquire(Deadline.after(Stage.PATIENCE));
                    p.say(writer ? "writes, alone" : "reads (other readers may read too)");
                    stage.pause(2);
                    lock.release();
                    stage.pause();
                }
                return null;
            }));
            stage.pause();
        }
        for (Future<Void> run : runs) {
            Stage.await(run);
        }
    }
}
