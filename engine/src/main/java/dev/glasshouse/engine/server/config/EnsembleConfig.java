package dev.glasshouse.engine.server.config;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The static membership of a replicated ensemble, from the {@code server.N} lines of
 * {@code zoo.cfg} and this member's {@code myid}. Immutable. Invariants: every key is its member's
 * id, {@code myId} is one of them, at least one member is a participant, and both limits are
 * positive.
 *
 * @param myId      this member's id, from {@code dataDir/myid}
 * @param members   every member by id, this one included
 * @param initLimit ticks a follower may take to connect to the leader and catch up ({@code initLimit})
 * @param syncLimit ticks a follower may lag behind the leader once synchronised ({@code syncLimit})
 * @param readOnlyMode whether a member that lost its quorum serves read-only clients from its last
 *                     state ({@code readonlymode.enabled})
 */
public record EnsembleConfig(int myId, SortedMap<Integer, EnsembleMember> members, int initLimit, int syncLimit,
                             boolean readOnlyMode) {
    /** An ensemble without read-only mode, ZooKeeper's default. */
    public EnsembleConfig(int myId, SortedMap<Integer, EnsembleMember> members, int initLimit, int syncLimit) {
        this(myId, members, initLimit, syncLimit, false);
    }

    public EnsembleConfig {
        members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
        members.forEach((id, member) -> {
            if (id != member.id()) {
                throw new IllegalArgumentException("member " + member.id() + " is listed as " + id);
            }
        });
        if (!members.containsKey(myId)) {
            throw new IllegalArgumentException("myid " + myId + " is not a member of " + members.keySet());
        }
        if (members.values().stream().noneMatch(EnsembleMember::participant)) {
            throw new IllegalArgumentException("an ensemble needs at least one participant");
        }
        if (initLimit <= 0 || syncLimit <= 0) {
            throw new IllegalArgumentException("initLimit " + initLimit + " and syncLimit " + syncLimit
                    + " must be positive");
        }
    }

    /** The participants, by id: the members that vote and whose majority is a quorum. */
    public List<EnsembleMember> voters() {
        return members.values().stream().filter(EnsembleMember::participant).toList();
    }

    /** The observers, by id. */
    public List<EnsembleMember> observers() {
        return members.values().stream().filter(EnsembleMember::observer).toList();
    }

    /** This member's own line. */
    public EnsembleMember self() {
        return members.get(myId);
    }
}
