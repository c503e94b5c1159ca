package dev.glasshouse.engine.failover;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.zookeeper.ZooKeeper;

/**
 * Time from {@code kill -9} of the leader to the first acknowledged write, on a three-member local
 * ensemble (tickTime 500 ms), over several runs: each run and the median. A main, not a test: it
 * asserts nothing and never runs in {@code mvn verify}. Run it after {@code mvn -pl engine
 * test-compile} with the test class path:
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(deps) \
 *     dev.glasshouse.engine.failover.FailoverBenchmark [runs=5] [members=3] [dir]</pre>
 */
public final class FailoverBenchmark {
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of("target"), "failover");
        List<Double> millis = new ArrayList<>();
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, members);
             ZooKeeper zk = Clients.connect(ensemble.connectString(), 4_000, null)) {
            AckedWrites writes = new AckedWrites("/bench");
            writes.createParent(zk);
            for (int run = 1; run <= runs; run++) {
                ensemble.awaitAllServing(Duration.ofSeconds(60));
                writes.write(zk, 10, Duration.ofSeconds(30));
                int leader = LeaderFailoverIT.leader(ensemble);
                long killed = System.nanoTime();
                ensemble.kill(leader);
                while (!writes.tryWrite(zk)) {
                    if (System.nanoTime() - killed > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("no write within 60 s of the kill; logs in " + dir);
                    }
                    LockSupport.parkNanos(RETRY_NANOS);
                }
                double elapsed = (System.nanoTime() - killed) / 1e6;
                millis.add(elapsed);
                System.out.printf(Locale.ROOT, "run %d: killed leader %d, first write after %.0f ms (new leader %s)%n",
                        run, leader, elapsed, ensemble.leaderId());
                ensemble.restart(leader);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "median of %d runs: %.0f ms (min %.0f, max %.0f); logs in %s%n", runs,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), dir);
    }
}
