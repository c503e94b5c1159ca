package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.PeerMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A simulated peer network, deterministic for a given {@link RandomGenerator}. Each message gets
 * its own delay (so messages overtake each other), may be lost or duplicated, and is dropped when a
 * partition separates its ends or either end is down, at sending or at delivery. Crashing a member
 * drops everything in flight to or from it. With {@link #fifo} each link delivers in sending
 * order, as a TCP connection does (ZAB needs it); loss then models a broken connection.
 * Single-threaded.
 */
final class SimNetwork {
    /** Each member on one side of a partition with even odds, drawn in the members' order (seeds replay). */
    static List<MemberId> randomSide(Collection<MemberId> members, RandomGenerator random) {
        List<MemberId> side = new ArrayList<>();
        for (MemberId candidate : members) {
            if (random.nextBoolean()) {
                side.add(candidate);
            }
        }
        return side;
    }

    /** Per-message fault rates and the delay range; delays are uniform in {@code [min, max]}. */
    record Faults(double lossRate, double duplicateRate, long minDelayMillis, long maxDelayMillis) {
        static Faults reliable(long minDelayMillis, long maxDelayMillis) {
            return new Faults(0, 0, minDelayMillis, maxDelayMillis);
        }

        Faults withoutLoss() {
            return new Faults(0, duplicateRate, minDelayMillis, maxDelayMillis);
        }
    }

    private record InFlight(long deliverAtMillis, long sequence, PeerMessage message) implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight other) {
            int byTime = Long.compare(deliverAtMillis, other.deliverAtMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final RandomGenerator random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
    private final Set<MemberId> down = new HashSet<>();
    private final Map<MemberId, Integer> side = new HashMap<>();
    private Faults faults;
    private boolean fifo;
    private final Map<MemberId, Map<MemberId, Long>> lastDeliveryAt = new HashMap<>();
    private long sequence;
    private long sent;
    private long delivered;

    SimNetwork(RandomGenerator random, Faults faults) {
        this.random = random;
        this.faults = faults;
    }

    Faults faults() {
        return faults;
    }

    void faults(Faults next) {
        faults = next;
    }

    /** Makes every link deliver in sending order from now on. */
    void fifo(boolean inOrder) {
        fifo = inOrder;
    }

    void send(PeerMessage message, long nowMillis) {
        sent++;
        if (!connected(message.from(), message.to()) || random.nextDouble() < faults.lossRate()) {
            return;
        }
        enqueue(message, nowMillis);
        if (random.nextDouble() < faults.duplicateRate()) {
            enqueue(message, nowMillis);
        }
    }

    private void enqueue(PeerMessage message, long nowMillis) {
        long delay = faults.minDelayMillis() + random.nextLong(faults.maxDelayMillis() - faults.minDelayMillis() + 1);
        long at = nowMillis + delay;
        if (fifo) {
            Map<MemberId, Long> from = lastDeliveryAt.computeIfAbsent(message.from(), m -> new HashMap<>());
            at = Math.max(at, from.getOrDefault(message.to(), 0L));
            from.put(message.to(), at);
        }
        inFlight.add(new InFlight(at, sequence++, message));
    }

    OptionalLong nextDeliveryAt() {
        return inFlight.isEmpty() ? OptionalLong.empty() : OptionalLong.of(inFlight.peek().deliverAtMillis());
    }

    /** The next message due by {@code nowMillis}, unless the network dropped it on the way. */
    Optional<PeerMessage> pollDue(long nowMillis) {
        while (!inFlight.isEmpty() && inFlight.peek().deliverAtMillis() <= nowMillis) {
            PeerMessage message = inFlight.poll().message();
            if (connected(message.from(), message.to())) {
                delivered++;
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** Members on different sides cannot talk; members named on no side form one more side. */
    void partition(Collection<? extends Collection<MemberId>> sides) {
        side.clear();
        int index = 1;
        for (Collection<MemberId> members : sides) {
            for (MemberId member : members) {
                side.put(member, index);
            }
            index++;
        }
    }

    void heal() {
        side.clear();
    }

    void crash(MemberId member) {
        down.add(member);
        inFlight.removeIf(m -> m.message().from().equals(member) || m.message().to().equals(member));
    }

    void restart(MemberId member) {
        down.remove(member);
    }

    boolean isUp(MemberId member) {
        return !down.contains(member);
    }

    boolean connected(MemberId a, MemberId b) {
        return isUp(a) && isUp(b) && side.getOrDefault(a, 0).equals(side.getOrDefault(b, 0));
    }

    long sent() {
        return sent;
    }

    long delivered() {
        return delivered;
    }
}
