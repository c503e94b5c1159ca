package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.Effects;
import dev.glasshouse.engine.quorum.ElectionTimings;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.SyncMode;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.ZabTimings;
import dev.glasshouse.engine.quorum.Zxid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A whole ZAB ensemble in one thread: one {@link Replica} per live member over its {@link SimLog},
 * a FIFO {@link SimNetwork} between them, and a scheduler that runs, in simulated time order,
 * message deliveries, scheduled actions (fsync completions, client writes, crashes, restarts,
 * partitions) and ticks. The driver performs each call's {@link Effects} in field order, and
 * {@link ZabInvariants} check them as they happen. No stand-in detector: ZAB's own timers move
 * members back to LOOKING. Deterministic for a given randomness. Single-threaded.
 */
final class ZabSimulation {
    static final long TICK_MILLIS = 25;
    /** tickTime 200 ms, initLimit 10, syncLimit 5: a scaled-down ZooKeeper configuration. */
    static final ZabTimings TIMINGS = new ZabTimings(ElectionTimings.DEFAULT, 200, 10, 5);

    private record Action(long atMillis, long sequence, Consumer<ZabSimulation> run) implements Comparable<Action> {
        @Override
        public int compareTo(Action other) {
            int byTime = Long.compare(atMillis, other.atMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** One member's process: its replica, what it applied (appended to in place), and its incarnation. */
    private static final class Process {
        private final Replica replica;
        private final long incarnation;
        private final List<Proposal> applied = new ArrayList<>();
        private int sinceSnapshot;

        private Process(Replica replica, long incarnation, SimState restored) {
            this.replica = replica;
            this.incarnation = incarnation;
            this.applied.addAll(restored.applied());
        }

        /** A copy of the state as applied now, for an image or a snapshot. */
        private SimState state() {
            return new SimState(applied);
        }
    }

    private final QuorumVerifier verifier;
    private final SimNetwork network;
    private final RandomGenerator random;
    /** Fsync latency is uniform in {@code [1, maxFsyncMillis]}: slow disks widen the window a crash can hit. */
    private final long maxFsyncMillis;
    private final ZabInvariants invariants = new ZabInvariants();
    private final SortedMap<MemberId, SimLog> disks = new TreeMap<>();
    private final SortedMap<MemberId, Process> live = new TreeMap<>();
    private final PriorityQueue<Action> agenda = new PriorityQueue<>();
    private long now;
    private long actionSequence;
    private long incarnations;
    private long nextTickAt;
    private long steps;
    private long trace = 17;
    private final Map<SyncMode, Long> syncs = new EnumMap<>(SyncMode.class);
    private long stepDowns;
    private long tokens;
    /**
     * Draws of the snapshot schedule, apart from the run's own so that a run without snapshots
     * replays exactly as before they existed; empty when members take no snapshots.
     */
    private final Optional<RandomGenerator> snapshotting;
    private long snapshotsTaken;
    private long imagesInstalled;

    ZabSimulation(QuorumVerifier verifier, SimNetwork network, RandomGenerator random,
                  Optional<RandomGenerator> snapshotting) {
        this.verifier = verifier;
        this.network = network;
        this.random = random;
        this.snapshotting = snapshotting;
        this.maxFsyncMillis = 2 + random.nextInt(150);
        network.fifo(true);
        for (MemberId member : verifier.members()) {
            disks.put(member, new SimLog(member.toString()));
        }
    }

    void startAll() {
        verifier.members().forEach(this::restart);
    }

    void schedule(long atMillis, Consumer<ZabSimulation> action) {
        agenda.add(new Action(atMillis, actionSequence++, action));
    }

    /** Runs steps until {@code done} holds or simulated time would pass {@code deadlineMillis}. */
    boolean runUntil(Predicate<ZabSimulation> done, long deadlineMillis) {
        while (!done.test(this)) {
            long next = Math.min(nextTickAt, network.nextDeliveryAt().orElse(Long.MAX_VALUE));
            if (!agenda.isEmpty()) {
                next = Math.min(next, agenda.peek().atMillis());
            }
            if (next > deadlineMillis) {
                now = Math.max(now, deadlineMillis);
                return false;
            }
            now = Math.max(now, next);
            step();
        }
        return true;
    }

    private void step() {
        steps++;
        OptionalLong delivery = network.nextDeliveryAt();
        if (delivery.isPresent() && delivery.getAsLong() <= now) {
            Optional<PeerMessage> message = network.pollDue(now);
            if (message.isPresent()) {
                MemberId to = message.get().to();
                perform(to, live.get(to).replica.onPeerMessage(message.get(), now));
            }
        } else if (!agenda.isEmpty() && agenda.peek().atMillis() <= now) {
            agenda.poll().run().accept(this);
        } else {
            for (MemberId member : live.keySet().toArray(MemberId[]::new)) {
                Process process = live.get(member);
                if (process != null) {
                    perform(member, process.replica.onTick(now));
                }
            }
            nextTickAt = now + TICK_MILLIS;
        }
    }

    /** Performs one call's effects in field order, as the server's event loop will. */
    private void perform(MemberId member, Effects effects) {
        Process process = live.get(member);
        SimLog disk = disks.get(member);
        effects.install().ifPresent(image -> {
            SimState state = SimState.of(image);
            invariants.onInstalled(member, state);
            disk.install(state);
            process.applied.clear();
            process.applied.addAll(state.applied());
            imagesInstalled++;
        });
        effects.truncateTo().ifPresent(disk::truncate);
        effects.toLog().forEach(disk::append);
        if (!effects.toLog().isEmpty()) {
            long incarnation = process.incarnation;
            schedule(now + 1 + random.nextLong(maxFsyncMillis), sim -> sim.fsyncCompleted(member, incarnation));
        }
        effects.toPersist().ifPresent(disk::persist);
        // As the server does: a SNAP carries the state after the call's commits, so they go first.
        boolean applyFirst = effects.needsImage();
        if (applyFirst) {
            apply(member, process, effects.toCommit());
        }
        for (PeerMessage message : effects.toSend()) {
            PeerMessage sent = withImage(message, process);
            invariants.onSend(sent, disk);
            network.send(sent, now);
        }
        if (!applyFirst) {
            apply(member, process, effects.toCommit());
        }
        effects.confirmed().forEach(confirmation -> invariants.onConfirmed(member, confirmation, now));
        effects.abandoned().forEach(token -> invariants.onAbandoned(member, token));
        for (ReplicaEvent event : effects.events()) {
            trace = 31 * trace + event.toString().hashCode();
            if (event instanceof ReplicaEvent.LearnerSynced synced) {
                syncs.merge(synced.mode(), 1L, Long::sum);
            } else if (event instanceof ReplicaEvent.SteppedDown) {
                stepDowns++;
            }
            if (event instanceof ReplicaEvent.Established established) {
                invariants.onEstablished(member, established.epoch(), disk.held());
            }
        }
    }

    private void apply(MemberId member, Process process, List<Proposal> committed) {
        for (Proposal proposal : committed) {
            invariants.onApplied(member, process.applied.size(), proposal);
            process.applied.add(proposal);
            if (process.replica.role() == Role.LEADING) {
                invariants.onAcknowledged(proposal);
            }
        }
        maybeSnapshot(member, process, committed.size());
    }

    /** A SNAP leaves the image to the driver: the sender's state as applied now, which must be at its zxid. */
    private static PeerMessage withImage(PeerMessage message, Process sender) {
        if (message instanceof ZabMessage.SyncLog sync && sync.mode() == SyncMode.SNAP && sync.image().isEmpty()) {
            SimState state = sender.state();
            if (!state.zxid().equals(sync.truncateTo())) {
                throw new AssertionError("SNAP at " + sync.truncateTo() + " from a state applied through "
                        + state.zxid());
            }
            return sync.withImage(state.image());
        }
        return message;
    }

    /**
     * Every few applied transactions a member snapshots its state; the snapshot becomes durable
     * after a simulated write, then the replica compacts its log and, sometimes, old log entries are
     * purged. A crash before the write completes loses the snapshot.
     */
    private void maybeSnapshot(MemberId member, Process process, int applied) {
        if (snapshotting.isEmpty() || applied == 0) {
            return;
        }
        RandomGenerator draws = snapshotting.get();
        process.sinceSnapshot += applied;
        if (process.sinceSnapshot < 5 + draws.nextInt(40)) {
            return;
        }
        process.sinceSnapshot = 0;
        SimState image = process.state();
        long incarnation = process.incarnation;
        boolean purge = draws.nextBoolean();
        schedule(now + 1 + draws.nextLong(100), sim -> sim.snapshotWritten(member, incarnation, image, purge));
    }

    private void snapshotWritten(MemberId member, long incarnation, SimState image, boolean purge) {
        Process process = live.get(member);
        if (process == null || process.incarnation != incarnation) {
            return;
        }
        SimLog disk = disks.get(member);
        disk.saveSnapshot(image);
        process.replica.compact(image.zxid());
        snapshotsTaken++;
        if (purge) {
            disk.purge();
        }
    }

    private void fsyncCompleted(MemberId member, long incarnation) {
        Process process = live.get(member);
        if (process != null && process.incarnation == incarnation) {
            perform(member, process.replica.onLogSynced(disks.get(member).sync(), now));
        }
    }

    /** A client write to whoever serves as leader; dropped when nobody does. Returns whether it was proposed. */
    boolean write(long writeId) {
        Optional<Process> leader = live.values().stream()
                .filter(p -> p.replica.role() == Role.LEADING && p.replica.isServing()).findFirst();
        if (leader.isEmpty()) {
            return false;
        }
        byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(writeId).array();
        perform(leader.get().replica.id(), leader.get().replica.propose(payload, now));
        return true;
    }

    /**
     * A client sync: every live member that believes it leads (established or not, deposed or not)
     * is asked to confirm its leadership, each with a fresh token.
     */
    void confirmLeadership() {
        for (Process process : live.values().toArray(Process[]::new)) {
            if (process.replica.role() == Role.LEADING) {
                long token = ++tokens;
                MemberId member = process.replica.id();
                invariants.onConfirmRequested(member, token, now);
                perform(member, process.replica.confirmLeadership(token, now));
            }
        }
    }

    void crash(MemberId member) {
        invariants.onCrashed(member);
        live.remove(member);
        network.crash(member);
        disks.get(member).crash();
    }

    /** Brings a member back from its disk, with fresh volatile state; a live member is crashed first. */
    void restart(MemberId member) {
        crash(member);
        network.restart(member);
        SimLog disk = disks.get(member);
        Replica replica = new Replica(member, verifier, disk.recover(), TIMINGS);
        invariants.onInstalled(member, disk.snapshot());
        live.put(member, new Process(replica, ++incarnations, disk.snapshot()));
        perform(member, replica.start(now));
    }

    /**
     * True when every live member serves and applied everything through {@code zxid}: after faults
     * stop, no member may be left behind, not even one that lost its leader's link while the leader
     * kept its quorum, or one whose FOLLOWERINFO reached a leader still looking.
     */
    boolean everyLiveMemberServesThrough(Zxid zxid) {
        return live.values().stream().map(p -> p.replica)
                .allMatch(r -> r.isServing() && r.committedThrough().compareTo(zxid) >= 0);
    }

    QuorumVerifier verifier() {
        return verifier;
    }

    SimNetwork network() {
        return network;
    }

    boolean isLive(MemberId member) {
        return live.containsKey(member);
    }

    ZabInvariants invariants() {
        return invariants;
    }

    long nowMillis() {
        return now;
    }

    long steps() {
        return steps;
    }

    /** How often leaders synchronized a learner with each mode. */
    Map<SyncMode, Long> syncs() {
        return Map.copyOf(syncs);
    }

    /** Snapshots made durable, and leaders' images installed by learners. */
    long snapshotsTaken() {
        return snapshotsTaken;
    }

    long imagesInstalled() {
        return imagesInstalled;
    }

    /** How often a ZAB role gave up (timeouts, broken connections, lost quorums). */
    long stepDowns() {
        return stepDowns;
    }

    long trace() {
        return trace;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("t=" + now + "ms");
        live.forEach((member, p) -> text.append("\n  ").append(p.replica).append(" epoch=").append(p.replica.epoch())
                .append(" serving=").append(p.replica.isServing()).append(" log=")
                .append(p.replica.lastLoggedZxid()).append(" applied=").append(p.replica.committedThrough()));
        return text.toString();
    }
}
