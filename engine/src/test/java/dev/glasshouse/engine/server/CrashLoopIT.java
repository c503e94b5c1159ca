package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.testing.LoopbackPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-process crash loop: start the packaged member JVM, drive pipelined creates with the official
 * client, {@code kill -9} it after a seeded number of acknowledgements, restart it on the same data
 * directory and check that every acknowledged write is there and the member serves; repeat.
 * {@code -Dcrash.iterations=N} runs longer, {@code -Dcrash.seed=S} replays a run.
 */
class CrashLoopIT {
    private static final int WINDOW = 64;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void killedMemberLosesNoAcknowledgedWrite() throws Exception {
        int iterations = Integer.getInteger("crash.iterations", 5);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        int port = LoopbackPorts.one();
        Path config = writeConfig(port);
        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger nextKey = new AtomicInteger();
        for (int iteration = 0; iteration < iterations; iteration++) {
            String context = "seed " + seed + " iteration " + iteration + " (replay: -Dcrash.seed=" + seed + ")";
            Process member = start(config, iteration);
            try {
                ZooKeeper zk = connect(port, member, context);
                verify(zk, acknowledged, context);
                int target = acknowledged.size() + 50 + random.nextInt(400);
                Semaphore window = new Semaphore(WINDOW);
                while (acknowledged.size() < target && member.isAlive()) {
                    window.acquire();
                    String path = "/k-" + nextKey.getAndIncrement();
                    byte[] data = path.getBytes(StandardCharsets.UTF_8);
                    zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
                        if (rc == KeeperException.Code.OK.intValue()) {
                            acknowledged.put(p, data);
                        }
                        window.release();
                    }, null);
                }
                // Writes are still in flight here: the kill lands in the middle of group commits.
                member.destroyForcibly();
                assertThat(member.waitFor(10, TimeUnit.SECONDS)).as(context).isTrue();
                zk.close(100);
            } finally {
                member.destroyForcibly();
            }
        }
        Process member = start(config, iterations);
        try {
            String context = "seed " + seed + " after the last kill";
            ZooKeeper zk = connect(port, member, context);
            verify(zk, acknowledged, context);
            assertThat(zk.create("/still-serving", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                    .isEqualTo("/still-serving");
            zk.close();
            assertThat(Files.readString(dir.resolve("member-" + iterations + ".log"))).as(context)
                    .doesNotContain("ERROR");
        } finally {
            member.destroyForcibly();
            member.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void verify(ZooKeeper zk, Map<String, byte[]> acknowledged, String context) throws Exception {
        for (Map.Entry<String, byte[]> write : acknowledged.entrySet()) {
            assertThat(zk.exists(write.getKey(), false)).as(context + ": acknowledged " + write.getKey()).isNotNull();
            assertThat(zk.getData(write.getKey(), false, null)).as(context).isEqualTo(write.getValue());
        }
    }

    private Path writeConfig(int port) throws IOException {
        Path config = dir.resolve("zoo.cfg");
        Files.writeString(config, String.join("\n",
                "tickTime=500",
                "dataDir=" + dir.resolve("data"),
                "clientPort=" + port,
                "clientPortAddress=127.0.0.1",
                "preAllocSize=1024",
                "snapCount=300",
                ""));
        return config;
    }

    private Process start(Path config, int iteration) throws IOException {
        String jar = System.getProperty("glasshouse.engine.jar");
        assertThat(jar).as("system property glasshouse.engine.jar (set by Failsafe)").isNotNull();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(javaBin.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("member-" + iteration + ".log").toFile())
                .start();
    }

    private ZooKeeper connect(int port, Process member, String context) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        awaitTrue(() -> connected.getCount() == 0 || !member.isAlive(), context + ": member to accept clients");
        assertThat(member.isAlive()).as(context + ": member exited; see " + dir).isTrue();
        return zk;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

}
