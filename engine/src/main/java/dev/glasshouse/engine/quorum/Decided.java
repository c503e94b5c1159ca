package dev.glasshouse.engine.quorum;

import java.util.Optional;

/**
 * A role entered when an election ends. Until ZAB is built it holds only the decided vote, which
 * it reports to members still looking, so they can join the established leader.
 */
sealed interface Decided extends RoleState permits Leading, Following, Observing {
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

    /** The role for a member whose election ended on {@code elected}. */
    static Decided of(MemberId self, Vote elected, QuorumVerifier verifier) {
        if (elected.leader().equals(self)) {
            Check.state(verifier.isVoter(self), "observer %s elected itself with %s", self, elected);
            return new Leading(elected);
        }
        Check.state(verifier.isVoter(elected.leader()), "%s elected non-voter with %s", self, elected);
        return verifier.isVoter(self) ? new Following(elected) : new Observing(elected);
    }
}
