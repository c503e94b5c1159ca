package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three member JVMs that snapshot every 30 or so writes, and a seeded run of {@code kill -9}s: in
 * each round a burst of writes is in flight when a member (the leader half the time) is killed,
 * the survivors keep acknowledging writes, and the killed member restarts and catches up, from the
 * leader's log or its state. Kills land during snapshots, log rolls and synchronizations. Every
 * acknowledged write must be on every member at the end. {@code -Densemble.crash.rounds=N} runs
 * longer, {@code -Densemble.crash.seed=S} replays a run.
 */
class EnsembleCrashLoopIT {
    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(300)
    void membersKilledMidWriteLoseNoAcknowledgedWrite() throws Exception {
        int rounds = Integer.getInteger("ensemble.crash.rounds", 5);
        long seed = Long.getLong("ensemble.crash.seed", System.nanoTime());
        System.out.println("EnsembleCrashLoopIT: " + rounds + " rounds, replay with -Densemble.crash.seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 3, 0, OptionalInt.of(30))) {
            AckedWrites writes = new AckedWrites("/acked");
            LeaderFailoverIT.leader(ensemble);
            try (ZooKeeper zk = Clients.connect(ensemble.connectString(), 6_000, null)) {
                writes.createParent(zk);
                for (int round = 0; round < rounds; round++) {
                    writes.write(zk, 10 + random.nextInt(40), Duration.ofSeconds(60));
                    int victim = victim(ensemble, random);
                    writes.burst(zk, 20 + random.nextInt(60));
                    ensemble.kill(victim);
                    writes.write(zk, 10 + random.nextInt(60), Duration.ofSeconds(60));
                    ensemble.restart(victim);
                }
                writes.awaitBursts();
                writes.write(zk, 10, Duration.ofSeconds(60));
            }
            assertThat(writes.count()).as("acknowledged writes (seed %d)", seed).isPositive();
            writes.assertOnEveryMember(ensemble);
        }
    }

    /** The leader half the time, a follower otherwise. */
    private static int victim(LocalEnsemble ensemble, SplittableRandom random) {
        OptionalInt leader = ensemble.leaderId();
        List<Integer> ids = ensemble.memberIds();
        if (leader.isPresent() && random.nextBoolean()) {
            return leader.getAsInt();
        }
        List<Integer> others = ids.stream().filter(id -> leader.isEmpty() || id != leader.getAsInt()).toList();
        return others.get(random.nextInt(others.size()));
    }
}
