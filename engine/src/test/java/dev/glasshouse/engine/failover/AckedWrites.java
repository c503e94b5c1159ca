package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Writes under one parent and remembers exactly which the ensemble acknowledged. A write whose
 * answer was lost (connection loss during failover) is not counted and the next attempt uses a new
 * name, so "acknowledged" never includes a guess. Called from the test thread; the answers to a
 * {@link #burst} arrive on the client's event thread.
 */
final class AckedWrites {
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final String parent;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    /** Answers that say nothing about whether a write is in: the connection or session went away. */
    private static final Set<KeeperException.Code> LOST_ANSWERS = Set.of(KeeperException.Code.CONNECTIONLOSS,
            KeeperException.Code.OPERATIONTIMEOUT, KeeperException.Code.SESSIONMOVED,
            KeeperException.Code.SESSIONEXPIRED);
    private final List<String> failed = new CopyOnWriteArrayList<>();
    /** Asynchronous writes of {@link #burst} not answered yet. */
    private final AtomicInteger inFlight = new AtomicInteger();

    AckedWrites(String parent) {
        this.parent = parent;
    }

    /** Creates the parent; the caller's client must be connected to a serving ensemble. */
    void createParent(ZooKeeper zk) throws Exception {
        zk.create(parent, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    /** Makes {@code count} more acknowledged writes, retrying lost ones until the deadline. */
    void write(ZooKeeper zk, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int target = acknowledged.size() + count;
        while (acknowledged.size() < target) {
            assertThat(System.nanoTime() - deadline).as("%d of %d writes acknowledged before the deadline; %d"
                    + " unanswered", acknowledged.size(), target, unanswered).isNegative();
            if (!tryWrite(zk)) {
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }

    /** One create with a fresh name: true when the ensemble acknowledged it. */
    boolean tryWrite(ZooKeeper zk) throws InterruptedException {
        String name = "n-" + attempts.getAndIncrement();
        try {
            zk.create(parent + "/" + name, name.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            acknowledged.add(name);
            return true;
        } catch (KeeperException.ConnectionLossException | KeeperException.OperationTimeoutException
                 | KeeperException.SessionMovedException e) {
            // The answer is lost: the write may or may not be in; it is not counted either way.
            unanswered.incrementAndGet();
            return false;
        } catch (KeeperException e) {
            throw new AssertionError("write " + name + " failed: " + e, e);
        }
    }

    /**
     * Sends {@code count} creates without waiting, so that they are in flight when a member is
     * killed next; each counts once its answer says it was acknowledged.
     */
    void burst(ZooKeeper zk, int count) {
        for (int i = 0; i < count; i++) {
            String name = "n-" + attempts.getAndIncrement();
            inFlight.incrementAndGet();
            zk.create(parent + "/" + name, name.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT, (rc, path, ctx, created) -> {
                        KeeperException.Code code = KeeperException.Code.get(rc);
                        if (code == KeeperException.Code.OK) {
                            acknowledged.add(name);
                        } else if (LOST_ANSWERS.contains(code)) {
                            unanswered.incrementAndGet();
                        } else {
                            failed.add(name + ": " + code);
                        }
                        inFlight.decrementAndGet();
                    }, null);
        }
    }

    /**
     * Waits until every write of every {@link #burst} has its answer (the client times out lost
     * ones) and checks that none failed for another reason than a lost answer.
     */
    void awaitBursts() throws InterruptedException {
        Clients.await(() -> inFlight.get() == 0, "answers to every burst write");
        assertThat(failed).as("burst writes that failed").isEmpty();
    }

    int count() {
        return acknowledged.size();
    }

    /** Connects to each member alone, syncs and checks that it holds every acknowledged write. */
    void assertOnEveryMember(LocalEnsemble ensemble) throws Exception {
        for (int id : ensemble.memberIds()) {
            try (ZooKeeper zk = Clients.connect(ensemble.connectString(id), 10_000, null)) {
                Clients.sync(zk);
                Set<String> present = new HashSet<>(zk.getChildren(parent, false));
                List<String> lost = acknowledged.stream().filter(name -> !present.contains(name)).toList();
                assertThat(lost).as("acknowledged writes missing on member %d (of %d acknowledged); logs in %s",
                        id, acknowledged.size(), ensemble.memberDirectory(id)).isEmpty();
                for (String name : acknowledged) {
                    assertThat(new String(zk.getData(parent + "/" + name, false, null), StandardCharsets.UTF_8))
                            .as("data of %s on member %d", name, id).isEqualTo(name);
                }
            }
        }
    }
}
