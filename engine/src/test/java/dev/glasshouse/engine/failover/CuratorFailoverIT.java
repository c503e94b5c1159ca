package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryNTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curator's LeaderLatch and InterProcessMutex across a {@code kill -9} of the ensemble's leader:
 * never two latch holders or two mutex holders at once, and both recipes make progress again.
 */
class CuratorFailoverIT {
    private static final int CLIENTS = 3;

    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(150)
    void latchAndMutexStayExclusiveAndRecoverAfterLeaderKill() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
        List<CuratorFramework> clients = new ArrayList<>();
        List<LeaderLatch> latches = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 3)) {
            int leader = LeaderFailoverIT.leader(ensemble);
            Holders latchHolders = new Holders();
            Holders mutexHolders = new Holders();
            AtomicInteger acquisitions = new AtomicInteger();
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                CuratorFramework client = CuratorFrameworkFactory.builder().connectString(ensemble.connectString())
                        .sessionTimeoutMs(10_000).connectionTimeoutMs(5_000)
                        .retryPolicy(new RetryNTimes(100, 100)).build();
                client.start();
                clients.add(client);
                LeaderLatch latch = new LeaderLatch(client, "/latch", "client-" + i);
                latch.addListener(latchHolders.listener());
                latch.start();
                latches.add(latch);
                InterProcessMutex mutex = new InterProcessMutex(client, "/mutex");
                loops.add(workers.submit(() -> lockLoop(mutex, mutexHolders, acquisitions, running)));
            }
            Clients.await(() -> latchHolders.current() == 1 && acquisitions.get() >= 10, "a latch holder and mutex"
                    + " acquisitions before the kill");

            ensemble.kill(leader);
            Clients.await(() -> ensemble.leaderId().isPresent(), "a new leader");
            int before = acquisitions.get();
            Clients.await(() -> acquisitions.get() >= before + 10, Duration.ofSeconds(45),
                    "mutex acquisitions after the kill");
            Clients.await(() -> latchHolders.current() == 1 && latches.stream().filter(LeaderLatch::hasLeadership)
                    .count() == 1, Duration.ofSeconds(45), "one latch holder after the kill");

            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
            assertThat(latchHolders.max()).as("latch holders at once").isEqualTo(1);
            assertThat(mutexHolders.max()).as("mutex holders at once").isEqualTo(1);
        } finally {
            running.set(false);
            latches.forEach(CuratorFailoverIT::closeQuietly);
            clients.forEach(CuratorFramework::close);
            workers.shutdownNow();
        }
    }

    private static Void lockLoop(InterProcessMutex mutex, Holders holders, AtomicInteger acquisitions,
            AtomicBoolean running) throws Exception {
        while (running.get()) {
            boolean acquired;
            try {
                acquired = mutex.acquire(1, TimeUnit.SECONDS);
            } catch (Exception connectionTrouble) {
                // Curator gave up retrying while the ensemble elected; try again while the test runs.
                continue;
            }
            if (acquired) {
                holders.enter();
                acquisitions.incrementAndGet();
                holders.leave();
                mutex.release();
            }
        }
        return null;
    }

    private static void closeQuietly(LeaderLatch latch) {
        try {
            latch.close();
        } catch (Exception e) {
            // Closing after the test: the client is closed next, which ends the latch's session anyway.
        }
    }

    /** How many clients believe they hold something right now, and the most there ever were. */
    private static final class Holders {
        private final AtomicInteger current = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        void enter() {
            int now = current.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
        }

        void leave() {
            current.decrementAndGet();
        }

        int current() {
            return current.get();
        }

        int max() {
            return max.get();
        }

        LeaderLatchListener listener() {
            return new LeaderLatchListener() {
                @Override
                public void isLeader() {
                    enter();
                }

                @Override
                public void notLeader() {
                    leave();
                }
            };
        }
    }
}
