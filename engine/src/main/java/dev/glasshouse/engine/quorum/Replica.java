package dev.glasshouse.engine.quorum;

import java.util.Optional;

/**
 * Replication logic of one ensemble member. Confined to that member's event-loop thread: every
 * input is one call that takes the current time and returns the {@link Effects} the driver must
 * perform. It never blocks, reads a clock or touches I/O.
 *
 * <p>Today the replica elects a leader with fast leader election ({@link Looking}) and then holds
 * the decided role ({@link Leading}, {@link Following}, {@link Observing}), answering peers that
 * are still looking. {@link #changeRole} is the only place a role changes; it keeps these
 * invariants: a member leaves LOOKING only for the role its decision implies, leaves a decided role
 * only for LOOKING, and each new election starts in a round after every round it has seen.
 *
 * <p>Not built yet (issue #5): ZAB discovery, synchronization and broadcast. They add inputs
 * ({@code propose}, {@code onLogSynced}), effects ({@code toLog}, {@code toCommit}), packets to
 * {@link PeerMessage}, and their own timers in {@link #onTick}; the leader's and the followers'
 * {@code initLimit}/{@code syncLimit} timeouts will then replace {@link #onLeaderLost}, which the
 * driver calls today.
 */
public final class Replica {
    private final MemberId self;
    private final QuorumVerifier verifier;
    private final DurableState durable;
    private final ElectionTimings timings;
    /**
     * ZooKeeper's {@code logicalclock} outside elections: the round of the last decision (a joined
     * leader's round when joining). Volatile, so 0 after a restart.
     */
    private long logicalClock;
    private Optional<RoleState> state = Optional.empty();

    public Replica(MemberId self, QuorumVerifier verifier, DurableState durable, ElectionTimings timings) {
        Check.state(verifier.isMember(self), "%s is not a member of %s", self, verifier);
        this.self = self;
        this.verifier = verifier;
        this.durable = durable;
        this.timings = timings;
    }

    public MemberId id() {
        return self;
    }

    /** The current role; LOOKING before {@link #start}. */
    public Role role() {
        return state.map(RoleState::role).orElse(Role.LOOKING);
    }

    /** The vote this member decided on, while it is in a decided role. */
    public Optional<Vote> leader() {
        return state.filter(Decided.class::isInstance).map(s -> ((Decided) s).elected());
    }

    /** While LOOKING, the vote this member currently proposes. */
    public Optional<Vote> proposal() {
        return state.filter(Looking.class::isInstance).map(s -> ((Looking) s).proposal());
    }

    /** The election round this member is in while LOOKING, or the one it decided in. */
    public long round() {
        return state.orElse(null) instanceof Looking looking ? looking.round() : logicalClock;
    }

    /** Starts the first election: the member becomes LOOKING and sends its vote. Called once. */
    public Effects start(long nowMillis) {
        Check.state(state.isEmpty(), "%s started twice", self);
        Outbox out = new Outbox(self, nowMillis);
        changeRole(Optional.empty(), out);
        return out.effects();
    }

    /** Handles one message from a peer. Every message family is dispatched here. */
    public Effects onPeerMessage(PeerMessage message, long nowMillis) {
        Check.state(message.to().equals(self), "%s received a message for %s: %s", self, message.to(), message);
        Outbox out = new Outbox(self, nowMillis);
        if (state.isEmpty() || !verifier.isMember(message.from())) {
            // Before start there is no vote to compare with, and strangers have no say; the sender
            // re-sends, so ignoring the message loses nothing.
            return Effects.NONE;
        }
        if (message instanceof Notification notification) {
            onNotification(notification, out);
        }
        return out.effects();
    }

    /** Runs the timers: the election's finalize wait and notification re-sends. */
    public Effects onTick(long nowMillis) {
        Outbox out = new Outbox(self, nowMillis);
        if (state.orElse(null) instanceof Looking looking) {
            Optional<Decision> decision = looking.onTick(out);
            if (decision.isPresent()) {
                changeRole(decision, out);
            }
        }
        return out.effects();
    }

    /**
     * The driver reports that this member's leader is gone or, on a leader, that it no longer has a
     * quorum of followers; the member starts a new election. Ignored while LOOKING. A stand-in for
     * ZAB's own timeouts, which will make this input internal.
     */
    public Effects onLeaderLost(long nowMillis) {
        Outbox out = new Outbox(self, nowMillis);
        if (state.orElse(null) instanceof Decided decided) {
            out.event(new ReplicaEvent.LeaderLost(self, decided.role(), decided.elected(), nowMillis));
            changeRole(Optional.empty(), out);
        }
        return out.effects();
    }

    private void onNotification(Notification notification, Outbox out) {
        out.event(new ReplicaEvent.VoteReceived(self, notification, out.nowMillis()));
        RoleState current = state.orElseThrow();
        if (current instanceof Looking looking) {
            Optional<Decision> decision = looking.onNotification(notification, out);
            if (decision.isPresent()) {
                changeRole(decision, out);
            }
        } else if (current instanceof Decided decided) {
            decided.answer(self, notification, verifier).ifPresent(out::send);
        }
    }

    /**
     * The one place a role changes: to the role {@code decision} implies when present, else to
     * LOOKING in a new round.
     */
    private void changeRole(Optional<Decision> decision, Outbox out) {
        Role from = role();
        RoleState next;
        if (decision.isPresent()) {
            Check.state(state.orElse(null) instanceof Looking, "%s decided %s while %s", self, decision.get(), from);
            Decision decided = decision.get();
            next = Decided.of(self, decided.elected(), verifier);
            logicalClock = decided.round();
            out.event(new ReplicaEvent.RoundEnded(self, decided.round(), decided.elected(), decided.joinedEstablished(),
                    out.nowMillis()));
        } else {
            Check.state(state.isEmpty() || state.get() instanceof Decided, "%s restarting an election while %s",
                    self, from);
            Looking looking = new Looking(self, verifier, durable, timings);
            looking.start(logicalClock + 1, out);
            next = looking;
        }
        state = Optional.of(next);
        Optional<Vote> leader = leader();
        out.event(new ReplicaEvent.RoleChanged(self, from, next.role(), leader, out.nowMillis()));
        out.roleChanged(next.role());
    }

    @Override
    public String toString() {
        return "Replica[" + self + " " + role() + " round=" + round() + " leader=" + leader().orElse(null) + "]";
    }
}
