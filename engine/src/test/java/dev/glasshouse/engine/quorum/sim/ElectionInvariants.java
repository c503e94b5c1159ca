package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.DurableState;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.QuorumVerifier;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What must hold after every simulated step of an election, with the whole ensemble in view. A
 * violation throws {@link AssertionError} naming the members and votes involved.
 *
 * <ul>
 *   <li><b>Vote integrity</b>: a notification's vote for leader L carries L's own peer epoch and
 *       last zxid; votes are relayed, never mixed or made up.</li>
 *   <li><b>Roles match votes</b>: a LEADING member elected itself, a FOLLOWING voter and an
 *       OBSERVING observer elected some other voter, and nobody elects an observer.</li>
 *   <li><b>The leader is up to date</b>: every decided leader's (peer epoch, zxid, id) is at least
 *       that of a quorum of voters, so it holds everything a quorum acknowledged (ZAB relies on it).</li>
 *   <li><b>One backed leader</b>: at any moment at most one LEADING member has a quorum of voters
 *       (itself included) following it.</li>
 * </ul>
 * "All members that decided in the same round agree" is deliberately not checked: fast leader
 * election alone does not promise it when a better vote arrives after the finalize wait, and
 * ZooKeeper relies on ZAB's discovery quorum to keep the other candidate from taking office.
 */
final class ElectionInvariants {
    private final QuorumVerifier verifier;
    private final Map<MemberId, DurableState> durable;

    ElectionInvariants(QuorumVerifier verifier, Map<MemberId, DurableState> durable) {
        this.verifier = verifier;
        this.durable = durable;
    }

    void onSend(Notification notification) {
        Vote vote = notification.vote();
        if (!verifier.isVoter(vote.leader())) {
            check(vote.leader().equals(MemberId.NOBODY) && !verifier.isVoter(notification.from()),
                    "%s proposes non-voter %s", notification.from(), notification);
            return;
        }
        DurableState leader = durable.get(vote.leader());
        check(vote.peerEpoch() == leader.currentEpoch() && vote.zxid().equals(leader.lastLoggedZxid()),
                "vote integrity: %s does not match leader %s's history %s", notification, vote.leader(), leader);
    }

    void onDecision(MemberId member, Vote elected) {
        check(verifier.isVoter(elected.leader()), "%s elected non-voter: %s", member, elected);
        List<MemberId> notNewer = new ArrayList<>();
        for (MemberId voter : verifier.voters()) {
            DurableState history = durable.get(voter);
            if (!new Vote(voter, history.lastLoggedZxid(), 0, history.currentEpoch()).beats(elected)) {
                notNewer.add(voter);
            }
        }
        check(verifier.containsQuorum(notNewer), "leader up to date: %s elected %s, which only %s do not beat",
                member, elected, notNewer);
    }

    void afterStep(SortedMap<MemberId, Replica> live) {
        List<MemberId> backedLeaders = new ArrayList<>();
        for (Replica replica : live.values()) {
            checkRole(replica);
            if (replica.role() == Role.LEADING) {
                List<MemberId> backers = new ArrayList<>();
                for (Replica other : live.values()) {
                    if (other.leader().map(v -> v.leader().equals(replica.id())).orElse(false)
                            && (other.role() == Role.FOLLOWING || other == replica)) {
                        backers.add(other.id());
                    }
                }
                if (verifier.containsQuorum(backers)) {
                    backedLeaders.add(replica.id());
                }
            }
        }
        check(backedLeaders.size() <= 1, "one backed leader: %s each have a quorum of followers in %s",
                backedLeaders, live.values());
    }

    private void checkRole(Replica replica) {
        MemberId self = replica.id();
        Optional<Vote> leader = replica.leader();
        Role role = replica.role();
        check(leader.isPresent() == role.isDecided(), "%s is %s with leader %s", self, role, leader);
        if (leader.isEmpty()) {
            return;
        }
        MemberId elected = leader.get().leader();
        boolean expected = switch (role) {
            case LEADING -> elected.equals(self) && verifier.isVoter(self);
            case FOLLOWING -> !elected.equals(self) && verifier.isVoter(self);
            case OBSERVING -> verifier.isObserver(self);
            case LOOKING -> false;
        };
        check(expected && verifier.isVoter(elected), "roles match votes: %s is %s for %s", self, role, leader.get());
    }

    private static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new AssertionError("Invariant broken: " + String.format(format, args));
        }
    }
}
