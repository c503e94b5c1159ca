package dev.glasshouse.samples.lock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exclusive and the read-write lock, with concurrent participants and crashes. */
@Timeout(60)
abstract class LockRecipeTest extends RecipeTest {

    @Test
    void mutualExclusionKeepsASharedCounterExact() throws Exception {
        String counter = root + "/counter";
        Participant setup = participant("setup");
        Znodes.ensurePath(setup.zk(), counter);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Participant p = participant("p" + i);
            runs.add(inBackground(() -> {
                DistributedLock lock = DistributedLock.exclusive(p, root + "/lock");
                for (int round = 0; round < 8; round++) {
                    lock.acquire(deadline());
                    if (inside.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    // An unconditional read-modify-write: only mutual exclusion keeps it from losing updates.
                    int value = readInt(p.zk(), counter);
                    p.zk().setData(counter, Integer.toString(value + 1).getBytes(UTF_8), -1);
                    inside.decrementAndGet();
                    lock.release();
                }
                return null;
            }));
        }
        for (Future<Void> run : runs) {
            result(run);
        }
        assertThat(overlaps).hasValue(0);
        assertThat(readInt(setup.zk(), counter)).isEqualTo(32);
        assertThat(setup.zk().getChildren(root + "/lock", false)).isEmpty();
    }

    @Test
    void eachWaiterIsWokenOnlyWhenItsPredecessorGoes() throws Exception {
        DistributedLock holder = DistributedLock.exclusive(participant("holder"), root + "/lock");
        holder.acquire(deadline());
        List<DistributedLock> waiters = new ArrayList<>();
        List<Future<Void>> acquired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DistributedLock waiter = DistributedLock.exclusive(participant("w" + i), root + "/lock");
            waiters.add(waiter);
            acquired.add(inBackground(() -> {
                waiter.acquire(deadline());
                return null;
            }));
            transcript.await("w" + i, "waits for", deadline());
        }

        holder.release();
        result(acquired.get(0));
        assertThat(waiters.get(0).wakeUps()).isEqualTo(1);
        assertThat(acquired.get(1)).isNotDone();
        assertThat(waiters.get(1).wakeUps()).isZero();
        assertThat(waiters.get(2).wakeUps()).isZero();

        waiters.get(0).release();
        result(acquired.get(1));
        waiters.get(1).release();
        result(acquired.get(2));
        waiters.get(2).release();
        assertThat(waiters).allSatisfy(waiter -> assertThat(waiter.wakeUps()).isEqualTo(1));
        assertThat(holder.wakeUps()).isZero();
    }

    @Test
    void aHolderWhoseSessionClosesHandsTheLockOver() throws Exception {
        Participant holder = participant("holder");
        DistributedLock.exclusive(holder, root + "/lock").acquire(deadline());
        Future<Void> next = waitForLock(participant("next"));

        crash(holder);
        result(next);
        assertThat(transcript.count("next", "holds the lock")).isEqualTo(1);
    }

    @Test
    void aHolderWhoseSessionExpiresHandsTheLockOver() throws Exception {
        Participant holder = participant("holder");
        DistributedLock.exclusive(holder, root + "/lock").acquire(deadline());
        Future<Void> next = waitForLock(participant("next"));

        expire(holder);
        result(next);
        assertThat(transcript.count("next", "holds the lock")).isEqualTo(1);
    }

    @Test
    void aWaiterThatCrashesMakesOnlyItsSuccessorLookAgain() throws Exception {
        DistributedLock holder = DistributedLock.exclusive(participant("holder"), root + "/lock");
        holder.acquire(deadline());
        Participant middle = participant("middle");
        waitForLock(middle);
        DistributedLock last = DistributedLock.exclusive(participant("last"), root + "/lock");
        Future<Void> lastAcquired = inBackground(() -> {
            last.acquire(deadline());
            return null;
        });
        transcript.await("last", "waits for", deadline());

        crash(middle);
        transcript.await("last", "waits for", 2, deadline());   // now it watches the holder
        assertThat(last.wakeUps()).isEqualTo(1);
        assertThat(lastAcquired).isNotDone();

        holder.release();
        result(lastAcquired);
        assertThat(last.wakeUps()).isEqualTo(2);
    }

    @Test
    void readersShareTheLockAndAWriterWaitsForThemInArrivalOrder() throws Exception {
        String path = root + "/rwlock";
        DistributedLock reader1 = ReadWriteLock.readLock(participant("reader1"), path);
        DistributedLock reader2 = ReadWriteLock.readLock(participant("reader2"), path);
        reader1.acquire(deadline());
        reader2.acquire(deadline());   // returns at once: readers share
        DistributedLock writer = ReadWriteLock.writeLock(participant("writer"), path);
        Future<Void> written = inBackground(() -> {
            writer.acquire(deadline());
            return null;
        });
        transcript.await("writer", "waits for", deadline());
        DistributedLock reader3 = ReadWriteLock.readLock(participant("reader3"), path);
        Future<Void> read3 = inBackground(() -> {
            reader3.acquire(deadline());
            return null;
        });
        transcript.await("reader3", "waits for write-", deadline());

        reader1.release();
        reader2.release();
        result(written);
        assertThat(read3).isNotDone();
        assertThat(reader3.wakeUps()).isZero();
        writer.release();
        result(read3);
        assertThat(reader3.wakeUps()).isEqualTo(1);
    }

    @Test
    void readersNeverSeeAWriteHalfDone() throws Exception {
        String path = root + "/rwlock";
        String value = root + "/value";
        Participant setup = participant("setup");
        Znodes.ensurePath(setup.zk(), value);
        setup.zk().setData(value, "0".getBytes(UTF_8), -1);
        AtomicInteger oddReads = new AtomicInteger();
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Participant w = participant("writer" + i);
            Participant r = participant("reader" + i);
            runs.add(inBackground(() -> {
                DistributedLock lock = ReadWriteLock.writeLock(w, path);
                for (int round = 0; round < 6; round++) {
                    lock.acquire(deadline());
                    // Two separate writes: a reader inside the lock must never see the odd middle value.
                    w.zk().setData(value, Integer.toString(readInt(w.zk(), value) + 1).getBytes(UTF_8), -1);
                    w.zk().setData(value, Integer.toString(readInt(w.zk(), value) + 1).getBytes(UTF_8), -1);
                    lock.release();
                }
                return null;
            }));
            runs.add(inBackground(() -> {
                DistributedLock lock = ReadWriteLock.readLock(r, path);
                for (int round = 0; round < 6; round++) {
                    lock.acquire(deadline());
                    if (readInt(r.zk(), value) % 2 != 0) {
                        oddReads.incrementAndGet();
                    }
                    lock.release();
                }
                return null;
            }));
        }
        for (Future<Void> run : runs) {
            result(run);
        }
        assertThat(oddReads).hasValue(0);
        assertThat(readInt(setup.zk(), value)).isEqualTo(24);
    }

    private Future<Void> waitForLock(Participant participant) throws Exception {
        DistributedLock lock = DistributedLock.exclusive(participant, root + "/lock");
        Future<Void> acquired = inBackground(() -> {
            lock.acquire(deadline());
            return null;
        });
        transcript.await(participant.name(), "waits for", deadline());
        return acquired;
    }

    private static int readInt(ZooKeeper zk, String path) throws Exception {
        String text = new String(zk.getData(path, false, null), UTF_8);
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }
}
