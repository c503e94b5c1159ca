package dev.glasshouse.samples.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The barrier and the double barrier. */
@Timeout(60)
abstract class BarrierRecipeTest extends RecipeTest {

    @Test
    void waitersPassOnlyOnceTheBarrierIsLoweredAndAreWokenOnce() throws Exception {
        Barrier coordinator = new Barrier(participant("coordinator"), root + "/barrier/gate");
        coordinator.raise();
        AtomicInteger passed = new AtomicInteger();
        List<Barrier> waiters = new ArrayList<>();
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Barrier waiter = new Barrier(participant("w" + i), root + "/barrier/gate");
            waiters.add(waiter);
            runs.add(inBackground(() -> {
                waiter.await(deadline());
                passed.incrementAndGet();
                return null;
            }));
            transcript.await("w" + i, "waits at the barrier", deadline());
        }
        assertThat(passed).hasValue(0);

        coordinator.lower();
        for (Future<Void> run : runs) {
            result(run);
        }
        assertThat(passed).hasValue(3);
        assertThat(waiters).allSatisfy(waiter -> assertThat(waiter.wakeUps()).isEqualTo(1));
        new Barrier(participant("late"), root + "/barrier/gate").await(deadline());   // passes at once
    }

    @Test
    void nobodyStartsBeforeAllEnteredOrLeavesBeforeAllFinished() throws Exception {
        int size = 4;
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        List<Integer> arrivedWhenEntering = new ArrayList<>();
        List<Integer> finishedWhenLeaving = new ArrayList<>();
        List<Future<Void>> runs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            DoubleBarrier barrier = new DoubleBarrier(participant("p" + i), root + "/double", size);
            runs.add(inBackground(() -> {
                arrived.incrementAndGet();
                barrier.enter(deadline());
                record(arrivedWhenEntering, arrived.get());
                finished.incrementAndGet();
                barrier.leave(deadline());
                record(finishedWhenLeaving, finished.get());
                return null;
            }));
        }
        for (Future<Void> run : runs) {
            result(run);
        }
        assertThat(arrivedWhenEntering).containsExactly(size, size, size, size);
        assertThat(finishedWhenLeaving).containsExactly(size, size, size, size);
        assertThat(participant("check").zk().getChildren(root + "/double", false)).containsExactly("members");
    }

    @Test
    void aParticipantThatCrashesInsteadOfLeavingDoesNotBlockTheOthers() throws Exception {
        List<Participant> people = new ArrayList<>();
        List<Future<DoubleBarrier>> entered = new ArrayList<>();
        for (String name : List.of("a-first", "b", "c")) {
            Participant p = participant(name);
            people.add(p);
            DoubleBarrier barrier = new DoubleBarrier(p, root + "/double", 3);
            entered.add(inBackground(() -> {
                barrier.enter(deadline());
                return barrier;
            }));
        }
        List<DoubleBarrier> barriers = new ArrayList<>();
        for (Future<DoubleBarrier> future : entered) {
            barriers.add(result(future));
        }

        // The lowest name is the one the others wait for while leaving.
        Future<Void> bLeft = inBackground(() -> {
            barriers.get(1).leave(deadline());
            return null;
        });
        transcript.await("b", "is done and waits", deadline());
        crash(people.get(0));
        barriers.get(2).leave(deadline());
        result(bLeft);
    }

    private static void record(List<Integer> list, int value) {
        synchronized (list) {
            list.add(value);
        }
    }
}
