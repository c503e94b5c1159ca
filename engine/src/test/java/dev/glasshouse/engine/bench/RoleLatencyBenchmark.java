package dev.glasshouse.engine.bench;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The latency of one write at a time, by the role of the member the client talks to: a local
 * ensemble of member JVMs with fsync on, one official client issuing synchronous creates against
 * the leader, then against a follower (which forwards every write to the leader), for
 * {@code seconds} each, {@code rounds} times. Prints p50 and p90 per member. With
 * {@code -Dglasshouse.member.main=org.apache.zookeeper.server.quorum.QuorumPeerMain} the members
 * are Apache ZooKeeper's, for comparison. A main, not a test: it never runs in {@code mvn verify}.
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(deps) \
 *     dev.glasshouse.engine.bench.RoleLatencyBenchmark [seconds=5] [rounds=2] [members=3] [dir]</pre>
 */
public final class RoleLatencyBenchmark {
    private static final int MAX_SAMPLES = 200_000;

    private RoleLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory(args.length > 3 ? Path.of(args[3]) : Path.of("target"), "latency");
        String server = System.getProperty("glasshouse.member.main", "glasshouse");
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, members)) {
            ensemble.awaitAllServing(Duration.ofSeconds(60));
            int leader = ensemble.leaderId().orElseThrow();
            int follower = ensemble.memberIds().stream().filter(id -> id != leader).findFirst().orElseThrow();
            for (int round = 0; round < rounds; round++) {
                for (int member : List.of(leader, follower)) {
                    long[] sorted = measure(ensemble.clientPort(member), seconds, "/r" + round + "m" + member + "-");
                    System.out.printf("%s member=%d role=%s writes=%d p50=%.2fms p90=%.2fms%n", server, member,
                            member == leader ? "leader" : "follower", sorted.length,
                            WriteBenchmark.millis(sorted, 0.5), WriteBenchmark.millis(sorted, 0.9));
                }
            }
        }
    }

    /** Sorted latencies, in nanoseconds, of synchronous creates for {@code seconds}. */
    private static long[] measure(int port, int seconds, String prefix) throws Exception {
        long[] latencies = new long[MAX_SAMPLES];
        int count = 0;
        byte[] data = new byte[100];
        ZooKeeper zk = WriteBenchmark.connect(port);
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end && count < latencies.length) {
                long started = System.nanoTime();
                zk.create(prefix + count, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                latencies[count++] = System.nanoTime() - started;
            }
        } finally {
            zk.close();
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return sorted;
    }
}
