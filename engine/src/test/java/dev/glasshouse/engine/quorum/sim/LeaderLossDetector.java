package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Stands in for ZAB's timeouts in the election-only simulation (replicas built without
 * {@code ZabTimings}; {@link ZabSimulation} uses ZAB's own timers), using the global view: a follower or
 * observer loses its leader when the leader is down, unreachable or no longer LEADING; a leader
 * loses office when fewer than a quorum of voters it can reach follow it. Either condition must
 * last {@code graceMillis} (ZooKeeper's initLimit/syncLimit) before the member is told. Single-threaded.
 */
final class LeaderLossDetector {
    private final QuorumVerifier verifier;
    private final SimNetwork network;
    private final long graceMillis;
    private final Map<MemberId, Long> unhealthySince = new HashMap<>();

    LeaderLossDetector(QuorumVerifier verifier, SimNetwork network, long graceMillis) {
        this.verifier = verifier;
        this.network = network;
        this.graceMillis = graceMillis;
    }

    /** True when {@code member} has been without its leader (or its followers) for the grace period. */
    boolean lost(Replica member, SortedMap<MemberId, Replica> live, long nowMillis) {
        if (member.role() == Role.LOOKING || healthy(member, live)) {
            unhealthySince.remove(member.id());
            return false;
        }
        long since = unhealthySince.computeIfAbsent(member.id(), id -> nowMillis);
        if (nowMillis - since >= graceMillis) {
            unhealthySince.remove(member.id());
            return true;
        }
        return false;
    }

    void forget(MemberId member) {
        unhealthySince.remove(member);
    }

    private boolean healthy(Replica member, SortedMap<MemberId, Replica> live) {
        MemberId leader = member.leader().orElseThrow().leader();
        if (member.role() != Role.LEADING) {
            Replica theLeader = live.get(leader);
            return theLeader != null && network.connected(member.id(), leader) && theLeader.role() == Role.LEADING;
        }
        List<MemberId> followers = new ArrayList<>();
        followers.add(member.id());
        for (Replica other : live.values()) {
            if (other.role() == Role.FOLLOWING && network.connected(member.id(), other.id())
                    && other.leader().orElseThrow().leader().equals(member.id())) {
                followers.add(other.id());
            }
        }
        return verifier.containsQuorum(followers);
    }
}
