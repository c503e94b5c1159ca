package dev.glasshouse.engine.quorum.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole ensembles electing leaders under seeded faults (see {@link ElectionScenario}), with the
 * invariants of {@link ElectionInvariants} checked after every step and liveness once faults stop.
 *
 * <p>Every build runs the pinned seeds plus {@code sim.runs} (default 200) fresh seeds derived from
 * a base seed that is printed ({@code -Dsim.baseSeed=B} repeats a batch). {@code -Dsim.seed=S} runs
 * only seed S. A failure names its seed and the command that replays it; pin that seed in
 * {@link #PINNED}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElectionSimulationTest {
    /** Seeds that once failed or cover a rare path; they run in every build. */
    private static final long[] PINNED = {
        1L,                     // a worse vote kept resetting the better voter's re-send timer: election stalled
        -8488617702517592504L,  // a FOLLOWING vote replaced a LOOKING one during the finalize wait
        2L, 3L, 42L};

    private final List<ElectionScenario.Outcome> faulty = new ArrayList<>();
    private final List<ElectionScenario.Outcome> clean = new ArrayList<>();
    private final long baseSeed = Long.getLong("sim.baseSeed", System.nanoTime());
    private long wallNanos;

    LongStream seeds() {
        String only = System.getProperty("sim.seed");
        if (only != null) {
            return LongStream.of(Long.parseLong(only));
        }
        int runs = Integer.getInteger("sim.runs", 200);
        System.out.println("ElectionSimulationTest: " + runs + " fresh seeds from -Dsim.baseSeed=" + baseSeed);
        SplittableRandom fresh = new SplittableRandom(baseSeed);
        return LongStream.concat(LongStream.of(PINNED), LongStream.generate(fresh::nextLong).limit(runs));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void electionStaysSafeUnderFaultsAndElectsOnceTheyStop(long seed) {
        faulty.add(replayable(seed, s -> ElectionScenario.withFaults(s).run()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFreshEnsembleElectsOneLeaderEveryMemberFollows(long seed) {
        ElectionScenario.Outcome outcome = replayable(seed, s -> ElectionScenario.cleanStart(s).run());

        assertThat(outcome.timeToStableLeaderMillis()).as("seed %d (%s)", seed, outcome.shape())
                .isLessThan(5_000);
        clean.add(outcome);
    }

    @Test
    void theSameSeedReplaysTheSameRun() {
        ElectionScenario.Outcome first = ElectionScenario.withFaults(7).run();
        ElectionScenario.Outcome second = ElectionScenario.withFaults(7).run();

        assertThat(second).isEqualTo(first);
    }

    private ElectionScenario.Outcome replayable(long seed, LongFunction<ElectionScenario.Outcome> run) {
        long start = System.nanoTime();
        try {
            return run.apply(seed);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Simulation failed with seed " + seed + ". Replay: mvn -pl engine test"
                    + " -Dtest=ElectionSimulationTest -Dsim.seed=" + seed + "\n" + e.getMessage(), e);
        } finally {
            wallNanos += System.nanoTime() - start;
        }
    }

    @AfterAll
    void printFigures() {
        List<ElectionScenario.Outcome> all = new ArrayList<>(faulty);
        all.addAll(clean);
        if (all.isEmpty()) {
            return;
        }
        long decisions = all.stream().mapToLong(ElectionScenario.Outcome::decisions).sum();
        long steps = all.stream().mapToLong(ElectionScenario.Outcome::steps).sum();
        double seconds = wallNanos / 1e9;
        System.out.printf("ElectionSimulationTest: %d runs, %d decisions, %d steps in %.2f s wall:"
                        + " %.0f decisions/s, %.0f steps/s%n", all.size(), decisions, steps, seconds,
                decisions / seconds, steps / seconds);
        System.out.println("  clean start, time to stable leader (simulated ms): " + percentiles(clean));
        System.out.println("  after faults stop, time to stable leader (simulated ms): " + percentiles(faulty));
    }

    private static String percentiles(List<ElectionScenario.Outcome> outcomes) {
        long[] times = outcomes.stream().mapToLong(ElectionScenario.Outcome::timeToStableLeaderMillis).sorted()
                .toArray();
        if (times.length == 0) {
            return "none";
        }
        return "median " + times[times.length / 2] + ", p90 " + times[times.length * 9 / 10] + ", max "
                + times[times.length - 1];
    }
}
