package dev.glasshouse.engine.failover;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/** Official ZooKeeper clients for the failover ITs, and waiting with a deadline. */
final class Clients {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Clients() {
    }

    /** A connected client; {@code states} (may be null) records every connection state it reports. */
    static ZooKeeper connect(String connectString, int sessionTimeoutMillis, List<KeeperState> states)
            throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMillis, recorder(states, connected));
        return awaitConnected(zk, connected, connectString);
    }

    /** A connected client that tries the members on {@code clientPorts} in that order. */
    static ZooKeeper connectInOrder(List<Integer> clientPorts, int sessionTimeoutMillis, List<KeeperState> states)
            throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        String connectString = clientPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(","));
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMillis, recorder(states, connected), false,
                new OrderedHostProvider(clientPorts));
        return awaitConnected(zk, connected, connectString);
    }

    private static Watcher recorder(List<KeeperState> states, CountDownLatch connected) {
        List<KeeperState> log = states == null ? new CopyOnWriteArrayList<>() : states;
        return event -> {
            if (event.getType() == EventType.None) {
                log.add(event.getState());
                if (event.getState() == KeeperState.SyncConnected) {
                    connected.countDown();
                }
            }
        };
    }

    private static ZooKeeper awaitConnected(ZooKeeper zk, CountDownLatch connected, String connectString)
            throws InterruptedException {
        if (!connected.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            zk.close();
            throw new AssertionError("no connection to " + connectString + " within " + DEADLINE);
        }
        return zk;
    }

    /**
     * Waits until the member's view includes every write committed before this call (ZooKeeper's sync).
     * A connection lost meanwhile is retried until the deadline: during a failover a client may be cut
     * off more than once, for instance by a follower that notices its leader is gone only after the
     * client has moved to it.
     */
    static void sync(ZooKeeper zk) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        KeeperException.Code result = syncOnce(zk);
        while (result == KeeperException.Code.CONNECTIONLOSS && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            result = syncOnce(zk);
        }
        if (result != KeeperException.Code.OK) {
            throw new AssertionError("sync failed: " + result);
        }
    }

    private static KeeperException.Code syncOnce(ZooKeeper zk) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        int[] result = new int[1];
        zk.sync("/", (rc, path, ctx) -> {
            result[0] = rc;
            done.countDown();
        }, null);
        if (!done.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("sync did not answer within " + DEADLINE);
        }
        return KeeperException.Code.get(result[0]);
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, DEADLINE, what);
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
