package dev.glasshouse.engine.bench;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Memory under a steady write load: a local ensemble of member JVMs (each {@code -Xmx160m}),
 * official clients overwriting a fixed set of 1,000 nodes as fast as the ensemble commits, so the
 * tree stays the same size and only what members keep of their history can grow. Every
 * {@code interval} seconds it prints the writes so far and, for every member, the heap in use
 * right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). A member that keeps
 * its whole history grows with every write until it runs out of heap; one that compacts stays flat.
 * A main, not a test: it never runs in {@code mvn verify}.
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(deps) \
 *     dev.glasshouse.engine.bench.SteadyWriteBenchmark [seconds=120] [interval=20] [members=3] [dir]</pre>
 */
public final class SteadyWriteBenchmark {
    private static final int NODES = 1_000;
    private static final int CLIENTS = 6;
    private static final int WINDOW = 32;
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private SteadyWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory(args.length > 3 ? Path.of(args[3]) : Path.of("target"), "steady");
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, members)) {
            List<ZooKeeper> sessions = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                List<Integer> ids = ensemble.memberIds();
                sessions.add(WriteBenchmark.connect(ensemble.clientPort(ids.get(i % ids.size()))));
            }
            byte[] data = new byte[100];
            for (int node = 0; node < NODES; node++) {
                sessions.get(0).create("/s" + node, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            AtomicLong written = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> drivers = new ArrayList<>();
            for (ZooKeeper zk : sessions) {
                Thread driver = new Thread(() -> drive(zk, end, data, written, failures));
                driver.start();
                drivers.add(driver);
            }
            long previous = 0;
            for (int elapsed = interval; elapsed <= seconds; elapsed += interval) {
                TimeUnit.SECONDS.sleep(interval);
                long now = written.get();
                StringBuilder line = new StringBuilder(String.format("t=%ds writes=%d ops/s=%d heapAfterGcMB",
                        elapsed, now, (now - previous) / interval));
                for (int id : ensemble.memberIds()) {
                    line.append(' ').append(id).append('=').append(heapAfterGcMb(ensemble.pid(id)));
                }
                System.out.println(line + " failures=" + failures.get());
                previous = now;
            }
            for (Thread driver : drivers) {
                driver.join();
            }
            for (ZooKeeper zk : sessions) {
                zk.close();
            }
        }
    }

    private static void drive(ZooKeeper zk, long end, byte[] data, AtomicLong written, AtomicLong failures) {
        Semaphore permits = new Semaphore(WINDOW);
        long next = 0;
        try {
            while (System.nanoTime() < end) {
                permits.acquire();
                zk.setData("/s" + (next++ % NODES), data, -1, (rc, path, ctx, stat) -> {
                    if (rc == KeeperException.Code.OK.intValue()) {
                        written.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                    permits.release();
                }, null);
            }
            permits.acquire(WINDOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The member's heap in use after a full GC, in MiB, or "gone" when its JVM is not there. */
    private static String heapAfterGcMb(OptionalLong pid) throws IOException, InterruptedException {
        if (pid.isEmpty()) {
            return "gone";
        }
        jcmd(pid.getAsLong(), "GC.run");
        // One line per generation with the serial collector the members run, one for G1's single heap.
        Matcher used = USED.matcher(jcmd(pid.getAsLong(), "GC.heap_info"));
        long kilobytes = 0;
        boolean found = false;
        while (used.find()) {
            kilobytes += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? String.valueOf(kilobytes / 1024) : "gone";
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}
