package dev.glasshouse.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.request.ReplayedState;
import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.session.Session;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.wire.OpCode;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash-at-every-step tests on {@link SimDisk}: a seeded sequence of group commits and snapshots
 * is cut at each disk operation in turn, the disk loses what was not synced and tears the last
 * write, and recovery must yield exactly a prefix that holds every acknowledged transaction: never
 * less, never a state that no prefix had. Replay a failure with {@code -Dsim.seed=<seed>}.
 */
class SimDiskCrashTest {
    private static final int ROUNDS = 25;

    static Stream<Long> seeds() {
        String pinned = System.getProperty("sim.seed");
        if (pinned != null) {
            return Stream.of(Long.parseLong(pinned));
        }
        int runs = Integer.getInteger("sim.runs", 4);
        return LongStream.rangeClosed(1, runs).boxed();
    }

    /** How far a run got before its crash. */
    private record Run(SimDisk disk, TxnGenerator model, long acknowledged) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void recoveryYieldsTheAcknowledgedPrefixAfterACrashAtEveryStep(long seed) throws IOException {
        int steps = run(seed, Integer.MAX_VALUE, 0).disk().operations();
        for (int step = 0; step <= steps; step++) {
            Run run = run(seed, step, seed * 1_000 + step);
            run.disk().crash();
            String context = "seed " + seed + " crash at step " + step + " of " + steps
                    + " (replay: -Dsim.seed=" + seed + ")";
            ReplayedState recovered = Recovery.recover(new FileSnapshotStore(run.disk(),
                    FileSnapshotStore.Compression.NONE), run.disk(), 0).state();
            assertThat(recovered.lastZxid()).as(context).isBetween(run.acknowledged(), run.model().zxid());
            assertThat(describe(recovered)).as(context).isEqualTo(run.model().stateAt(recovered.lastZxid()));
            assertThatTheLogContinues(run.disk(), recovered.lastZxid(), context);
        }
    }

    private static Run run(long seed, int crashStep, long tearSeed) throws IOException {
        SimDisk disk = new SimDisk(new SplittableRandom(tearSeed));
        TxnGenerator model = new TxnGenerator(new SplittableRandom(seed));
        SplittableRandom plan = new SplittableRandom(seed ^ 0x5DEECE66DL);
        FileSnapshotStore.Compression compression = plan.nextBoolean() ? FileSnapshotStore.Compression.GZIP
                : FileSnapshotStore.Compression.NONE;
        disk.crashAfter(crashStep);
        long acknowledged = 0;
        try {
            FileTxnLog log = new FileTxnLog(disk, 4096, true, 0);
            FileSnapshotStore snapshots = new FileSnapshotStore(disk, compression);
            for (int round = 0; round < ROUNDS; round++) {
                int batch = 1 + plan.nextInt(4);
                for (int i = 0; i < batch; i++) {
                    log.append(model.next());
                }
                log.sync();
                acknowledged = model.zxid();
                if (plan.nextInt(5) == 0) {
                    snapshots.write(model.snapshot(acknowledged));
                    log.roll();
                }
            }
        } catch (SimDisk.CrashedException e) {
            // The simulated machine stopped here; what it acknowledged before must survive.
        }
        return new Run(disk, model, acknowledged);
    }

    /** After recovery the member appends and syncs again; a second recovery must see those writes too. */
    private static void assertThatTheLogContinues(SimDisk disk, long lastZxid, String context) throws IOException {
        FileTxnLog log = new FileTxnLog(disk, 4096, true, lastZxid);
        for (long zxid = lastZxid + 1; zxid <= lastZxid + 2; zxid++) {
            log.append(new Transaction(0x9000 + zxid, 0, zxid, 5, OpCode.CREATE_SESSION.code(),
                    new CreateSessionTxn(10_000, new byte[16])));
        }
        log.sync();
        disk.crash();
        ReplayedState again = Recovery.recover(new FileSnapshotStore(disk, FileSnapshotStore.Compression.NONE),
                disk, 0).state();
        assertThat(again.lastZxid()).as(context + ", second recovery").isEqualTo(lastZxid + 2);
    }

    static String describe(ReplayedState state) {
        Map<Long, byte[]> passwords = new TreeMap<>();
        for (Session session : state.sessions().all()) {
            if (session.id() < 0x9000) {
                passwords.put(session.id(), session.password());
            }
        }
        return TxnGenerator.describe(state.tree(), passwords.keySet(), passwords);
    }
}
