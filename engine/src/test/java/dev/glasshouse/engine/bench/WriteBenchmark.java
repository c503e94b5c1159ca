package dev.glasshouse.engine.bench;

import dev.glasshouse.engine.server.LocalEnsemble;
import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Write throughput with fsync on: an in-process standalone member on a fresh data directory (default
 * under {@code target/}), or with {@code members} above 1 a local ensemble of member JVMs with the
 * clients spread over every member (so followers forward their writes); official clients issuing
 * pipelined creates, ops/s and latency percentiles.
 * A main, not a test: it never runs in {@code mvn verify}. Run it after {@code mvn -pl engine
 * test-compile} with the test classpath:
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(deps) \
 *     dev.glasshouse.engine.bench.WriteBenchmark [seconds=10] [clients=4] [window=32] [bytes=100] [dir] [members=1]</pre>
 */
public final class WriteBenchmark {
    private WriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int bytes = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path dir = Files.createTempDirectory(args.length > 4 ? Path.of(args[4]) : Path.of("target"), "bench");
        int members = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.out.println("forceSync=yes dataDir=" + dir + " members=" + members + " clients=" + clients
                + " window=" + window + " bytes=" + bytes);
        if (members == 1) {
            try (StandaloneServer server = StandaloneServer.start(ServerConfig.defaults(dir, 0))) {
                measure(List.of(server.clientPort()), seconds, clients, window, bytes);
            }
        } else {
            try (LocalEnsemble ensemble = LocalEnsemble.start(dir, members)) {
                measure(ensemble.memberIds().stream().map(ensemble::clientPort).toList(), seconds, clients, window,
                        bytes);
            }
        }
    }

    private static void measure(List<Integer> ports, int seconds, int clients, int window, int bytes)
            throws Exception {
        AtomicInteger names = new AtomicInteger();
        run(new Load(ports, 2, clients, window, bytes), names, false);
        run(new Load(ports, seconds, clients, window, bytes), names, true);
        run(new Load(ports, seconds, 1, 1, bytes), names, true);
    }

    /** One measured load: where the sessions connect (round robin), how many, how many creates each keeps in flight. */
    private record Load(List<Integer> ports, int seconds, int clients, int window, int bytes) {
    }

    private static void run(Load load, AtomicInteger names, boolean report) throws Exception {
        int seconds = load.seconds();
        int clients = load.clients();
        int window = load.window();
        List<ZooKeeper> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(connect(load.ports().get(i % load.ports().size())));
        }
        long[] latencies = new long[2_000_000];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        byte[] data = new byte[load.bytes()];
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> drivers = new ArrayList<>();
        for (ZooKeeper zk : sessions) {
            Thread driver = new Thread(() -> drive(zk, end, window, data, names, latencies, recorded, failures));
            driver.start();
            drivers.add(driver);
        }
        for (Thread driver : drivers) {
            driver.join();
        }
        for (ZooKeeper zk : sessions) {
            zk.close();
        }
        if (report) {
            int n = Math.min(recorded.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            System.out.printf("clients=%d window=%d ops=%d ops/s=%.0f p50=%.2fms p99=%.2fms max=%.2fms failures=%d%n",
                    clients, window, n, n / (double) seconds, millis(sorted, 0.50), millis(sorted, 0.99),
                    sorted[n - 1] / 1e6, failures.get());
        }
    }

    private static void drive(ZooKeeper zk, long end, int window, byte[] data, AtomicInteger names, long[] latencies,
                              AtomicInteger recorded, AtomicLong failures) {
        Semaphore permits = new Semaphore(window);
        try {
            while (System.nanoTime() < end) {
                permits.acquire();
                long started = System.nanoTime();
                zk.create("/b" + names.incrementAndGet(), data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                        (rc, path, ctx, name) -> {
                            if (rc == KeeperException.Code.OK.intValue()) {
                                int slot = recorded.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = System.nanoTime() - started;
                                }
                            } else {
                                failures.incrementAndGet();
                            }
                            permits.release();
                        }, null);
            }
            permits.acquire(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The {@code quantile} of {@code sorted} nanoseconds, in milliseconds. */
    static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** An official client with a session on 127.0.0.1:{@code port}. */
    static ZooKeeper connect(int port) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection to 127.0.0.1:" + port);
        }
        return zk;
    }
}
