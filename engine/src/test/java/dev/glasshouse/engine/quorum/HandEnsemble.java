package dev.glasshouse.engine.quorum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A ZAB ensemble driven by hand in unit tests: the test advances time, delivers messages and ticks
 * members one at a time. Every log append is synced at once, so acknowledgements follow without a
 * disk. A member in {@link #isolate} loses everything it sends and everything sent to it. Records
 * every confirmation and abandoned token per member. Single-threaded.
 */
final class HandEnsemble {
    static final ZabTimings TIMINGS = ZabTimings.DEFAULT;

    private final SortedMap<MemberId, Replica> replicas = new TreeMap<>();
    private final Deque<PeerMessage> inFlight = new ArrayDeque<>();
    private final Set<MemberId> isolated = new HashSet<>();
    private final SortedMap<MemberId, List<LeadershipConfirmed>> confirmed = new TreeMap<>();
    private final SortedMap<MemberId, List<Long>> abandoned = new TreeMap<>();
    private long now;

    HandEnsemble(QuorumVerifier verifier) {
        for (MemberId member : verifier.members()) {
            replicas.put(member, new Replica(member, verifier, Recovered.EMPTY, TIMINGS));
            confirmed.put(member, new ArrayList<>());
            abandoned.put(member, new ArrayList<>());
        }
    }

    /** Starts every member, lets the election finish and delivers until quiet: the highest id leads. */
    HandEnsemble started() {
        replicas.forEach((member, replica) -> perform(member, replica.start(now)));
        deliverAll();
        advance(TIMINGS.election().finalizeWaitMillis());
        tickAll();
        deliverAll();
        return this;
    }

    Replica replica(MemberId member) {
        return replicas.get(member);
    }

    long now() {
        return now;
    }

    void advance(long millis) {
        now += millis;
    }

    void isolate(MemberId member) {
        isolated.add(member);
    }

    void heal() {
        isolated.clear();
    }

    Effects confirm(MemberId member, long token) {
        return perform(member, replicas.get(member).confirmLeadership(token, now));
    }

    Effects propose(MemberId member, byte[] payload) {
        return perform(member, replicas.get(member).propose(payload, now));
    }

    Effects tick(MemberId member) {
        return perform(member, replicas.get(member).onTick(now));
    }

    void tickAll() {
        replicas.keySet().forEach(this::tick);
    }

    /** Delivers one message; returns the receiver's effects. */
    Effects deliver(PeerMessage message) {
        return perform(message.to(), replicas.get(message.to()).onPeerMessage(message, now));
    }

    /** Delivers, in order, everything in flight and everything that causes, until nothing is left. */
    void deliverAll() {
        while (!inFlight.isEmpty()) {
            deliver(inFlight.poll());
        }
    }

    /** Takes the messages in flight out of the network, to deliver (or not) by hand. */
    List<PeerMessage> takeInFlight() {
        List<PeerMessage> taken = new ArrayList<>(inFlight);
        inFlight.clear();
        return taken;
    }

    List<LeadershipConfirmed> confirmed(MemberId member) {
        return List.copyOf(confirmed.get(member));
    }

    List<Long> abandoned(MemberId member) {
        return List.copyOf(abandoned.get(member));
    }

    private Effects perform(MemberId member, Effects effects) {
        for (PeerMessage message : effects.toSend()) {
            if (!isolated.contains(message.from()) && !isolated.contains(message.to())) {
                inFlight.add(message);
            }
        }
        confirmed.get(member).addAll(effects.confirmed());
        abandoned.get(member).addAll(effects.abandoned());
        if (!effects.toLog().isEmpty()) {
            Replica replica = replicas.get(member);
            perform(member, replica.onLogSynced(replica.lastLoggedZxid(), now));
        }
        return effects;
    }
}
