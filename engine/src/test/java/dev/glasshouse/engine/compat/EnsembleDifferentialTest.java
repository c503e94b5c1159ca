package dev.glasshouse.engine.compat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DifferentialTest}'s seeded multi-session steps against the reference standalone server and
 * a three-member Glasshouse ensemble whose clients sit on a follower: every write is forwarded,
 * proposed, committed by a quorum and answered by the follower, and the transcripts must still be
 * identical. {@code -Ddiff.ensembleRuns=K} fresh seeds follow the pinned one (default 3);
 * {@code -Ddiff.seed} and {@code -Ddiff.baseSeed} work as in {@link DifferentialTest}.
 */
class EnsembleDifferentialTest {
    private static final Logger log = LoggerFactory.getLogger(EnsembleDifferentialTest.class);
    private static final long PINNED_SEED = 42L;

    static LongStream seeds() {
        String replay = System.getProperty("diff.seed");
        if (replay != null) {
            return LongStream.of(Long.parseLong(replay));
        }
        long base = Long.getLong("diff.baseSeed", System.nanoTime());
        log.warn("Ensemble differential fresh seeds come from base seed {} (repeat with -Ddiff.baseSeed={})", base,
                base);
        SplittableRandom fresh = new SplittableRandom(base);
        return LongStream.concat(LongStream.of(PINNED_SEED),
                LongStream.generate(fresh::nextLong).limit(Integer.getInteger("diff.ensembleRuns", 3)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @Timeout(90)
    void aFollowerOfAnEnsembleAnswersLikeTheReferenceServer(long seed, @TempDir Path workDir) throws Exception {
        DifferentialTest.compare(List.of(Target.REFERENCE, Target.ENSEMBLE), seed, workDir);
    }
}
