package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One seeded ZAB run, everything derived from the seed: the ensemble (3 or 5 voters, sometimes
 * observers), the network's delays and loss, a fault phase in which clients send a bounded number
 * of writes to whoever leads while members crash alone or together (losing unsynced log entries),
 * restart and get partitioned, then a calm phase (healed, lossless, all but at most a minority of voters up) in
 * which a quorum must commit {@link #CALM_WRITES} new writes, and a leader confirm its leadership for a
 * sync, within {@link #LIVENESS_BOUND_MILLIS}. Throughout, clients sync: every few hundred milliseconds each
 * member that believes it leads is asked to confirm its leadership (deposed leaders included), with the
 * timing drawn from a generator of its own so that the rest of the run keeps its draws.
 */
final class ZabScenario {
    static final long FAULT_PHASE_MILLIS = 20_000;
    static final int FAULT_PHASE_WRITES = 200;
    static final int CALM_WRITES = 5;
    /** Longer than the 60 s notification back-off cap plus initLimit, with room to converge. */
    static final long LIVENESS_BOUND_MILLIS = 150_000;

    /** What a run measured. */
    record Outcome(long seed, String shape, int acknowledged, int epochs, Map<SyncMode, Long> syncs, long stepDowns,
                   long confirmed, long abandoned, long snapshots, long imagesInstalled, long timeToCommitMillis,
                   long steps, long trace) {
    }

    /** Derives the syncs' generator from the seed without drawing from the run's own. */
    private static final long SYNC_SALT = 0x5eed_5a17L;
    /** Likewise for the snapshot schedule; in one run out of four members take no snapshots. */
    private static final long SNAPSHOT_SALT = 0x5a1_0b5eedL;

    private final long seed;

    ZabScenario(long seed) {
        this.seed = seed;
    }

    Outcome run() {
        SplittableRandom random = new SplittableRandom(seed);
        int voters = random.nextBoolean() ? 3 : 5;
        int observers = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        QuorumVerifier verifier = SimEnsembles.of(voters, observers);
        long maxDelay = 2 + random.nextInt(60);
        SimNetwork.Faults faults = new SimNetwork.Faults(random.nextDouble() * 0.03, 0, 1 + random.nextInt(2),
                maxDelay);
        SplittableRandom snapshotDraws = new SplittableRandom(seed ^ SNAPSHOT_SALT);
        Optional<RandomGenerator> snapshotting = snapshotDraws.nextInt(4) > 0 ? Optional.of(snapshotDraws)
                : Optional.empty();
        ZabSimulation sim = new ZabSimulation(verifier, new SimNetwork(random.split(), faults), random.split(),
                snapshotting);
        String shape = voters + " voters + " + observers + " observers, " + faults
                + (snapshotting.isPresent() ? ", snapshots" : ", no snapshots");

        sim.startAll();
        for (int write = 0; write < FAULT_PHASE_WRITES; ) {
            // Bursts keep several proposals unsynced at once, widening the window a crash can hit.
            long at = random.nextLong(300, FAULT_PHASE_MILLIS);
            for (int burst = 1 + random.nextInt(8); burst > 0 && write < FAULT_PHASE_WRITES; burst--, write++) {
                long id = write;
                sim.schedule(at + burst, s -> s.write(id));
            }
        }
        scheduleFaults(sim, random);
        keepSyncing(sim, new SplittableRandom(seed ^ SYNC_SALT));
        sim.runUntil(s -> false, FAULT_PHASE_MILLIS);
        calm(sim, random);
        long calmFrom = sim.nowMillis();
        int before = sim.invariants().acknowledgedCount();
        long confirmedBefore = sim.invariants().confirmedCount();
        keepWriting(sim, 1_000_000);
        boolean live = sim.runUntil(s -> s.invariants().acknowledgedCount() >= before + CALM_WRITES
                && s.everyLiveMemberServesThrough(s.invariants().lastAcknowledged())
                && s.invariants().confirmedCount() > confirmedBefore, calmFrom + LIVENESS_BOUND_MILLIS);
        if (!live) {
            throw new AssertionError("Liveness: " + CALM_WRITES + " new writes were not committed and applied by every"
                    + " live member, or no leader confirmed a sync, within " + LIVENESS_BOUND_MILLIS
                    + " ms after faults stopped (" + shape
                    + "): " + sim);
        }
        return new Outcome(seed, shape, sim.invariants().acknowledgedCount(), sim.invariants().establishedEpochs(),
                sim.syncs(), sim.stepDowns(), sim.invariants().confirmedCount(), sim.invariants().abandonedCount(),
                sim.snapshotsTaken(), sim.imagesInstalled(), sim.nowMillis() - calmFrom, sim.steps(), sim.trace());
    }

    /** Syncs every 50 to 500 ms, until the run ends: often enough to catch a deposed leader's short overlap. */
    private static void keepSyncing(ZabSimulation sim, RandomGenerator random) {
        sim.confirmLeadership();
        sim.schedule(sim.nowMillis() + random.nextLong(50, 500), s -> keepSyncing(s, random));
    }

    /** A client that tries one write every 50 ms until the run ends. */
    private static void keepWriting(ZabSimulation sim, long id) {
        sim.write(id);
        sim.schedule(sim.nowMillis() + 50, s -> keepWriting(s, id + 1));
    }

    private static void scheduleFaults(ZabSimulation sim, RandomGenerator random) {
        List<MemberId> members = new ArrayList<>(sim.verifier().members());
        for (long at = random.nextLong(500, 3_000); at < FAULT_PHASE_MILLIS; at += random.nextLong(300, 3_000)) {
            int kind = random.nextInt(10);
            MemberId member = members.get(random.nextInt(members.size()));
            if (kind < 3) {
                sim.schedule(at, s -> s.crash(member));
            } else if (kind < 6) {
                sim.schedule(at, s -> {
                    if (!s.isLive(member)) {
                        s.restart(member);
                    }
                });
            } else if (kind < 8) {
                List<MemberId> side = SimNetwork.randomSide(members, random);
                sim.schedule(at, s -> s.network().partition(List.of(side)));
            } else if (kind < 9) {
                sim.schedule(at, s -> s.network().heal());
            } else {
                scheduleOutage(sim, random, at, members);
            }
        }
    }

    /**
     * A power loss: several members (often a quorum) crash at the same moment, losing whatever their
     * logs had not synced, and come back one by one. Single crashes rarely catch a quorum unsynced.
     */
    private static void scheduleOutage(ZabSimulation sim, RandomGenerator random, long at, List<MemberId> members) {
        List<MemberId> victims = new ArrayList<>();
        for (MemberId member : members) {
            if (random.nextInt(3) > 0) {
                victims.add(member);
            }
        }
        sim.schedule(at, s -> victims.forEach(s::crash));
        for (MemberId victim : victims) {
            sim.schedule(at + random.nextLong(50, 4_000), s -> {
                if (!s.isLive(victim)) {
                    s.restart(victim);
                }
            });
        }
    }

    /** Heals the network, stops loss and restarts members, leaving at most a minority of voters down. */
    private static void calm(ZabSimulation sim, RandomGenerator random) {
        sim.network().heal();
        sim.network().faults(sim.network().faults().withoutLoss());
        int mayStayDown = random.nextInt(sim.verifier().voters().size() - sim.verifier().majority() + 1);
        for (MemberId member : sim.verifier().members()) {
            if (sim.isLive(member)) {
                continue;
            }
            if (sim.verifier().isVoter(member) && mayStayDown > 0) {
                mayStayDown--;
            } else {
                sim.restart(member);
            }
        }
    }
}
