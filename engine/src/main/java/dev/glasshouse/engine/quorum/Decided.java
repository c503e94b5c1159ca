package dev.glasshouse.engine.quorum;

import java.util.Optional;

/**
 * A role entered when an election ends: {@link Leading} or a {@link Learner} when the replica runs
 * ZAB, {@link Settled} when it only elects. It reports the decided vote to members still looking,
 * so they can join the established leader.
 */
sealed interface Decided extends RoleState permits ZabRole, Settled {
    /** The vote the election ended on; its round is the one the member decided in. */
    Vote elected();

    /**
     * A decided voter answers a LOOKING peer with the decided vote and role, so the peer learns of
     * the established leader. Decided peers get no answer, and observers never answer (see
     * {@link Looking}), or two members could answer each other forever.
     */
    default Optional<Notification> answer(MemberId self, Notification received, QuorumVerifier verifier) {
        if (verifier.isVoter(self) && received.state() == Role.LOOKING) {
            return Optional.of(new Notification(self, received.from(), elected(), role()));
        }
        return Optional.empty();
    }

    /** The role a member whose election ended on {@code elected} takes, by its membership. */
    static Role roleFor(MemberId self, Vote elected, QuorumVerifier verifier) {
        if (elected.leader().equals(self)) {
            Check.state(verifier.isVoter(self), "observer %s elected itself with %s", self, elected);
            return Role.LEADING;
        }
        Check.state(verifier.isVoter(elected.leader()), "%s elected non-voter with %s", self, elected);
        return verifier.isVoter(self) ? Role.FOLLOWING : Role.OBSERVING;
    }
}
