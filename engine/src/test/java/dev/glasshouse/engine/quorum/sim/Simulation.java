package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.DurableState;
import dev.glasshouse.engine.quorum.Effects;
import dev.glasshouse.engine.quorum.ElectionTimings;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.Role;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A whole ensemble in one thread: one {@link Replica} per live member, a {@link SimNetwork}
 * between them, and a scheduler that runs, in simulated time order, message deliveries, scheduled
 * actions (crashes, restarts, partitions) and ticks of every live member. One delivery, one action
 * or one member's tick is a step; {@link ElectionInvariants} run after every step. Deterministic
 * for a given network randomness and schedule. Single-threaded.
 */
final class Simulation {
    static final long TICK_MILLIS = 25;
    static final long LEADER_LOSS_GRACE_MILLIS = 2_000;

    private record Action(long atMillis, long sequence, Consumer<Simulation> run) implements Comparable<Action> {
        @Override
        public int compareTo(Action other) {
            int byTime = Long.compare(atMillis, other.atMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final QuorumVerifier verifier;
    private final Map<MemberId, DurableState> durable;
    private final SimClock clock = new SimClock();
    private final SimNetwork network;
    private final ElectionInvariants invariants;
    private final LeaderLossDetector detector;
    private final SortedMap<MemberId, Replica> live = new TreeMap<>();
    private final PriorityQueue<Action> agenda = new PriorityQueue<>();
    private long actionSequence;
    private long nextTickAt;
    private long steps;
    private long decisions;
    private long trace = 17;

    Simulation(QuorumVerifier verifier, Map<MemberId, DurableState> durable, SimNetwork network) {
        this.verifier = verifier;
        this.durable = Map.copyOf(durable);
        this.network = network;
        this.invariants = new ElectionInvariants(verifier, this.durable);
        this.detector = new LeaderLossDetector(verifier, network, LEADER_LOSS_GRACE_MILLIS);
    }

    /** Starts every member at time 0. */
    void startAll() {
        for (MemberId member : verifier.members()) {
            restart(member);
        }
    }

    void schedule(long atMillis, Consumer<Simulation> action) {
        agenda.add(new Action(atMillis, actionSequence++, action));
    }

    /**
     * Runs steps until {@code done} holds after a step or simulated time would pass {@code deadlineMillis}.
     * Returns whether {@code done} held.
     */
    boolean runUntil(Predicate<Simulation> done, long deadlineMillis) {
        while (!done.test(this)) {
            long next = nextStepAt();
            if (next > deadlineMillis) {
                clock.advanceTo(Math.max(clock.nowMillis(), deadlineMillis));
                return false;
            }
            clock.advanceTo(next);
            step();
        }
        return true;
    }

    private long nextStepAt() {
        OptionalLong delivery = network.nextDeliveryAt();
        long next = Math.min(nextTickAt, delivery.orElse(Long.MAX_VALUE));
        return agenda.isEmpty() ? next : Math.min(next, agenda.peek().atMillis());
    }

    /** Deliveries first, then scheduled actions, then a round of ticks: a fixed order keeps runs reproducible. */
    private void step() {
        long now = clock.nowMillis();
        if (network.nextDeliveryAt().orElse(Long.MAX_VALUE) <= now) {
            Optional<PeerMessage> message = network.pollDue(now);
            if (message.isPresent()) {
                Replica to = live.get(message.get().to());
                apply(to, to.onPeerMessage(message.get(), now));
            }
        } else if (!agenda.isEmpty() && agenda.peek().atMillis() <= now) {
            agenda.poll().run().accept(this);
            afterStep();
        } else {
            for (Replica replica : live.values().toArray(Replica[]::new)) {
                if (detector.lost(replica, live, now)) {
                    apply(replica, replica.onLeaderLost(now));
                }
                apply(replica, replica.onTick(now));
            }
            nextTickAt = now + TICK_MILLIS;
        }
    }

    private void apply(Replica replica, Effects effects) {
        long now = clock.nowMillis();
        for (PeerMessage message : effects.toSend()) {
            if (message instanceof Notification notification) {
                invariants.onSend(notification);
            }
            network.send(message, now);
        }
        for (ReplicaEvent event : effects.events()) {
            trace = 31 * trace + event.toString().hashCode();
            if (event instanceof ReplicaEvent.RoundEnded ended) {
                decisions++;
                invariants.onDecision(replica.id(), ended.elected());
            }
        }
        afterStep();
    }

    private void afterStep() {
        steps++;
        invariants.afterStep(live);
    }

    void crash(MemberId member) {
        live.remove(member);
        detector.forget(member);
        network.crash(member);
    }

    /** Brings a member back with its durable state and fresh volatile state; a live member is crashed first. */
    void restart(MemberId member) {
        crash(member);
        network.restart(member);
        Replica replica = new Replica(member, verifier, durable.get(member), ElectionTimings.DEFAULT);
        live.put(member, replica);
        apply(replica, replica.start(clock.nowMillis()));
    }

    /** True when one member leads and every live member follows or observes it. */
    boolean hasStableLeader() {
        Optional<MemberId> leader = live.values().stream().filter(r -> r.role() == Role.LEADING).map(Replica::id)
                .findFirst();
        if (leader.isEmpty()) {
            return false;
        }
        for (Replica replica : live.values()) {
            boolean settled = replica.role() == Role.LEADING || replica.role() == Role.FOLLOWING
                    || replica.role() == Role.OBSERVING;
            if (!settled || !replica.leader().orElseThrow().leader().equals(leader.get())) {
                return false;
            }
        }
        return true;
    }

    QuorumVerifier verifier() {
        return verifier;
    }

    SimNetwork network() {
        return network;
    }

    SortedMap<MemberId, Replica> live() {
        return Collections.unmodifiableSortedMap(live);
    }

    long nowMillis() {
        return clock.nowMillis();
    }

    long steps() {
        return steps;
    }

    long decisions() {
        return decisions;
    }

    /** A digest of every event so far; equal for two runs of the same seed. */
    long trace() {
        return trace;
    }

    @Override
    public String toString() {
        return "t=" + clock.nowMillis() + "ms " + live.values();
    }
}
