package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.CloseableUtils;
import org.apache.zookeeper.KeeperException;

/** Curator recipes that production users lean on: locks, leader latches and caches. */
class CuratorCompatTest {

    private static final int WAIT_SECONDS = 15;

    private final List<Closeable> toClose = new ArrayList<>();

    private CuratorFramework connect(TargetServer server) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(server.connectString(),
                ClientSessions.SESSION_TIMEOUT_MILLIS, 5_000, new ExponentialBackoffRetry(100, 3));
        toClose.add(client);
        client.start();
        assertThat(client.blockUntilConnected(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    private void closeAll() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            CloseableUtils.closeQuietly(toClose.get(i));
        }
    }

    @AgainstEachTarget
    void interProcessMutexLetsOneClientAtATimeUpdateACounter(TargetServer server) throws Exception {
        int clients = 3;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CuratorFramework setup = connect(server);
            setup.create().forPath("/counter", "0".getBytes(StandardCharsets.UTF_8));
            AtomicInteger holders = new AtomicInteger();
            AtomicInteger maxHolders = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                CuratorFramework client = connect(server);
                InterProcessMutex mutex = new InterProcessMutex(client, "/locks/counter");
                workers.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        mutex.acquire();
                        try {
                            maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                            int value = Integer.parseInt(new String(client.getData().forPath("/counter"),
                                    StandardCharsets.UTF_8));
                            client.setData().forPath("/counter", String.valueOf(value + 1).getBytes(StandardCharsets.UTF_8));
                            holders.decrementAndGet();
                        } finally {
                            mutex.release();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }

            assertThat(new String(setup.getData().forPath("/counter"), StandardCharsets.UTF_8))
                    .isEqualTo(String.valueOf(clients * rounds));
            assertThat(maxHolders).hasValue(1);
            assertThat(lockNodesLeft(setup, "/locks/counter")).isEmpty();
        } finally {
            pool.shutdownNow();
            closeAll();
        }
    }

    /**
     * The lock nodes still under {@code path}. Curator creates the lock's parent as a container node,
     * which the server deletes once it is empty, so a parent that is gone holds none either.
     */
    private static List<String> lockNodesLeft(CuratorFramework client, String path) throws Exception {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException reaped) {
            return List.of();
        }
    }

    @AgainstEachTarget
    void leaderLatchElectsExactlyOneLeaderAndHandsOverWhenItCloses(TargetServer server) throws Exception {
        try {
            List<LeaderLatch> latches = new ArrayList<>();
            Semaphore changes = new Semaphore(0);
            for (int i = 0; i < 3; i++) {
                LeaderLatch latch = new LeaderLatch(connect(server), "/election", "member-" + i);
                latch.addListener(new LeaderLatchListener() {
                    @Override
                    public void isLeader() {
                        changes.release();
                    }

                    @Override
                    public void notLeader() {
                        changes.release();
                    }
                });
                latches.add(latch);
                latch.start();
            }
            awaitCondition(changes, () -> leaders(latches).size() == 1);
            LeaderLatch first = leaders(latches).get(0);

            first.close();
            List<LeaderLatch> remaining = new ArrayList<>(latches);
            remaining.remove(first);
            awaitCondition(changes, () -> leaders(remaining).size() == 1);

            assertThat(leaders(remaining).get(0).getId()).isNotEqualTo(first.getId());
            assertThat(leaders(latches)).hasSize(1);
            for (LeaderLatch latch : remaining) {
                latch.close();
            }
        } finally {
            closeAll();
        }
    }

    @AgainstEachTarget
    void curatorCacheReceivesCreateChangeAndDeleteEvents(TargetServer server) throws Exception {
        try {
            CuratorFramework writer = connect(server);
            CuratorFramework reader = connect(server);
            writer.create().forPath("/cache", "root".getBytes(StandardCharsets.UTF_8));
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            CountDownLatch initialized = new CountDownLatch(1);
            CuratorCache cache = CuratorCache.build(reader, "/cache");
            toClose.add(cache);
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forCreates(node -> events.add("create " + node.getPath()))
                    .forChanges((before, after) -> events.add("change " + after.getPath() + " "
                            + new String(after.getData(), StandardCharsets.UTF_8)))
                    .forDeletes(node -> events.add("delete " + node.getPath()))
                    .forInitialized(initialized::countDown)
                    .build());
            cache.start();
            assertThat(initialized.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("create /cache");

            // One write at a time: CuratorCache re-reads a node after each event, so a later write
            // could be folded into an earlier event's read and the expected event never come.
            writer.create().forPath("/cache/a", "1".getBytes(StandardCharsets.UTF_8));
            assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("create /cache/a");
            writer.create().forPath("/cache/a/b", "2".getBytes(StandardCharsets.UTF_8));
            assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("create /cache/a/b");
            writer.setData().forPath("/cache/a", "3".getBytes(StandardCharsets.UTF_8));
            assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("change /cache/a 3");
            writer.delete().forPath("/cache/a/b");
            assertThat(events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("delete /cache/a/b");
            assertThat(cache.get("/cache/a")).hasValueSatisfying(
                    node -> assertThat(node.getData()).isEqualTo("3".getBytes(StandardCharsets.UTF_8)));
        } finally {
            closeAll();
        }
    }

    private static List<LeaderLatch> leaders(List<LeaderLatch> latches) {
        return latches.stream().filter(LeaderLatch::hasLeadership).toList();
    }

    /** Re-checks {@code condition} each time a leadership change is signalled, until a deadline. */
    private static void awaitCondition(Semaphore changes, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            assertThat(left > 0 && changes.tryAcquire(left, TimeUnit.NANOSECONDS))
                    .as("leadership settled within %d s", WAIT_SECONDS).isTrue();
        }
    }
}
