package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.DurableState;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.Zxid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One seeded election run, everything derived from the seed: the ensemble's shape (3 or 5 voters,
 * sometimes observers), each member's durable history, the network's fault rates, then a fault
 * phase of random crashes, restarts, partitions and heals, then a calm phase in which partitions
 * heal, the network stops losing messages and all but at most a minority of voters are up. The
 * calm phase must end with a stable leader within {@link #LIVENESS_BOUND_MILLIS}.
 */
final class ElectionScenario {
    static final long FAULT_PHASE_MILLIS = 20_000;
    /** Longer than the 60 s notification back-off cap plus the leader-loss grace, with room to converge. */
    static final long LIVENESS_BOUND_MILLIS = 150_000;

    /** What a run measured. */
    record Outcome(long seed, String shape, long timeToStableLeaderMillis, long decisions, long steps,
                   long messagesDelivered, long trace) {
    }

    private final long seed;
    private final boolean faulty;

    private ElectionScenario(long seed, boolean faulty) {
        this.seed = seed;
        this.faulty = faulty;
    }

    /** Faults first, then calm: safety under faults and liveness once they stop. */
    static ElectionScenario withFaults(long seed) {
        return new ElectionScenario(seed, true);
    }

    /** A clean start on a delaying, reordering, duplicating network: how fast a fresh ensemble elects. */
    static ElectionScenario cleanStart(long seed) {
        return new ElectionScenario(seed, false);
    }

    /** Runs the scenario; throws {@link AssertionError} on a broken invariant or a missed liveness bound. */
    Outcome run() {
        SplittableRandom random = new SplittableRandom(seed);
        int voters = random.nextBoolean() ? 3 : 5;
        int observers = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        QuorumVerifier verifier = SimEnsembles.of(voters, observers);
        Map<MemberId, DurableState> durable = new TreeMap<>();
        for (MemberId member : verifier.members()) {
            // Few distinct histories, so ties on epoch and zxid (broken by id) are common.
            durable.put(member, new DurableState(1 + random.nextInt(2), Zxid.of(1, random.nextInt(3))));
        }
        long maxDelay = 1 + random.nextInt(150);
        SimNetwork.Faults faults = new SimNetwork.Faults(faulty ? random.nextDouble() * 0.2 : 0,
                random.nextDouble() * 0.1, random.nextInt((int) maxDelay), maxDelay);
        Simulation sim = new Simulation(verifier, durable, new SimNetwork(random.split(), faults));
        String shape = voters + " voters + " + observers + " observers, " + faults;

        sim.startAll();
        long calmFrom = 0;
        if (faulty) {
            scheduleFaults(sim, random);
            sim.runUntil(s -> false, FAULT_PHASE_MILLIS);
            calm(sim, random);
            calmFrom = sim.nowMillis();
        }
        if (!sim.runUntil(Simulation::hasStableLeader, calmFrom + LIVENESS_BOUND_MILLIS)) {
            StringBuilder proposals = new StringBuilder();
            sim.live().values().forEach(r -> proposals.append("\n  ").append(r.id()).append(" proposes ")
                    .append(r.proposal().map(Object::toString).orElse("-")));
            throw new AssertionError("Liveness: no stable leader " + LIVENESS_BOUND_MILLIS + " ms after faults"
                    + " stopped (" + shape + "): " + sim + proposals);
        }
        return new Outcome(seed, shape, sim.nowMillis() - calmFrom, sim.decisions(), sim.steps(),
                sim.network().delivered(), sim.trace());
    }

    private static void scheduleFaults(Simulation sim, RandomGenerator random) {
        List<MemberId> members = new ArrayList<>(sim.verifier().members());
        for (long at = random.nextLong(200, 3_000); at < FAULT_PHASE_MILLIS; at += random.nextLong(200, 3_000)) {
            int kind = random.nextInt(10);
            MemberId member = members.get(random.nextInt(members.size()));
            if (kind < 3) {
                sim.schedule(at, s -> s.crash(member));
            } else if (kind < 6) {
                sim.schedule(at, s -> {
                    if (!s.live().containsKey(member)) {
                        s.restart(member);
                    }
                });
            } else if (kind < 8) {
                List<MemberId> side = SimNetwork.randomSide(members, random);
                sim.schedule(at, s -> s.network().partition(List.of(side)));
            } else {
                sim.schedule(at, s -> s.network().heal());
            }
        }
    }

    /** Heals the network, stops message loss and restarts members, leaving at most a minority of voters down. */
    private static void calm(Simulation sim, RandomGenerator random) {
        sim.network().heal();
        sim.network().faults(faultsWithoutLoss(sim));
        int mayStayDown = random.nextInt(sim.verifier().voters().size() - sim.verifier().majority() + 1);
        for (MemberId member : sim.verifier().members()) {
            if (sim.live().containsKey(member)) {
                continue;
            }
            if (sim.verifier().isVoter(member) && mayStayDown > 0) {
                mayStayDown--;
            } else {
                sim.restart(member);
            }
        }
    }

    private static SimNetwork.Faults faultsWithoutLoss(Simulation sim) {
        return sim.network().faults().withoutLoss();
    }
}
