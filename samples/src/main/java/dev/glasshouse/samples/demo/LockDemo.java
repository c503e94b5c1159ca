package dev.glasshouse.samples.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import dev.glasshouse.samples.lock.DistributedLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.zookeeper.ZooKeeper;

/**
 * Participants take turns on an exclusive lock, each adding one to a counter znode three times;
 * the first one crashes while holding the lock on its second turn, and the next one takes over.
 */
final class LockDemo implements Demo {
    private static final int ROUNDS = 3;

    @Override
    public void run(Stage stage) throws Exception {
        String root = stage.freshRoot("lock");
        Participant counterOwner = stage.join("demo");
        Znodes.ensurePath(counterOwner.zk(), root + "/counter");
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < stage.participants(); i++) {
            Participant p = stage.join(Stage.nameOf(i));
            boolean crashes = i == 0 && stage.participants() > 1;
            runs.add(stage.inBackground(() -> takeTurns(stage, p, root, crashes)));
        }
        int increments = 0;
        for (Future<Integer> run : runs) {
            increments += Stage.await(run);
        }
        stage.say("counter = " + read(counterOwner.zk(), root + "/counter") + ", increments made = " + increments
                + ": nobody lost an update");
    }

    private static int takeTurns(Stage stage, Participant p, String root, boolean crashes) throws Exception {
        DistributedLock lock = DistributedLock.exclusive(p, root + "/lock");
        for (int round = 1; round <= ROUNDS; round++) {
            lock.acquire(Deadline.after(Stage.PATIENCE));
            int value = read(p.zk(), root + "/counter");
            p.zk().setData(root + "/counter", Integer.toString(value + 1).getBytes(UTF_8), -1);
            p.say("counter " + value + " -> " + (value + 1));
            stage.pause();
            if (crashes && round == 2) {
                stage.crash(p);
                return round;
            }
            lock.release();
        }
        return ROUNDS;
    }

    private static int read(ZooKeeper zk, String path) throws Exception {
        String text = new String(zk.getData(path, false, null), UTF_8);
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }
}
