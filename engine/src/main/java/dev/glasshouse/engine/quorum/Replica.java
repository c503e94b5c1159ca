package dev.glasshouse.engine.quorum;

import java.util.Optional;

/**
 * Replication logic of one ensemble member. Confined to that member's event-loop thread: every
 * input is one call that takes the current time and returns the {@link Effects} the driver must
 * perform. It never blocks, reads a clock or touches I/O.
 *
 * <p>The replica elects a leader with fast leader election ({@link Looking}) and then, when built
 * with {@link ZabTimings}, runs ZAB in the decided role ({@link Leading}, {@link Learner}):
 * discovery, synchronization and broadcast, with ZAB's own initLimit/syncLimit timers sending it
 * back to LOOKING. Built with {@link ElectionTimings} only, it just holds the decided vote
 * ({@link Settled}) until the driver calls {@link #onLeaderLost}. {@link #changeRole} is the only
 * place a role changes; it keeps these invariants: a member leaves LOOKING only for the role its
 * decision implies, leaves a decided role only for LOOKING, and each new election starts in a
 * round after every round it has seen.
 */
public final class Replica {
    private final MemberId self;
    private final QuorumVerifier verifier;
    /** The election's view of the disk when the replica runs no ZAB; with ZAB it comes from {@link #history}. */
    private final DurableState electionOnlyDurable;
    private final ElectionTimings timings;
    private final Optional<ZabTimings> zab;
    private final History history;
    /**
     * ZooKeeper's {@code logicalclock} outside elections: the round of the last decision (a joined
     * leader's round when joining). Volatile, so 0 after a restart.
     */
    private long logicalClock;
    private Optional<RoleState> state = Optional.empty();

    /** An election-only replica: it decides and then waits for {@link #onLeaderLost}. */
    public Replica(MemberId self, QuorumVerifier verifier, DurableState durable, ElectionTimings timings) {
        this(self, verifier, durable, timings, Optional.empty(), Recovered.EMPTY);
    }

    /** A replica that elects and then runs ZAB over the history it recovered from disk. */
    public Replica(MemberId self, QuorumVerifier verifier, Recovered recovered, ZabTimings timings) {
        this(self, verifier, DurableState.EMPTY, timings.election(), Optional.of(timings), recovered);
    }

    private Replica(MemberId self, QuorumVerifier verifier, DurableState durable, ElectionTimings timings,
                    Optional<ZabTimings> zab, Recovered recovered) {
        Check.state(verifier.isMember(self), "%s is not a member of %s", self, verifier);
        this.self = self;
        this.verifier = verifier;
        this.electionOnlyDurable = durable;
        this.timings = timings;
        this.zab = zab;
        this.history = new History(self, recovered.epochs(), recovered.snapshotZxid(), recovered.log());
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

    /** True while this member serves clients: an established leader, or a learner after UPTODATE. */
    public boolean isServing() {
        return state.orElse(null) instanceof ZabRole zabRole && zabRole.isServing();
    }

    /** The ZAB epoch of the current leadership, once discovery settled it; -1 otherwise. */
    public long epoch() {
        return state.orElse(null) instanceof ZabRole zabRole ? zabRole.epoch() : -1;
    }

    /** Where the member is in ZAB: ELECTION while looking (or when it runs the election only and has decided). */
    public ZabPhase zabPhase() {
        return state.orElse(null) instanceof ZabRole zabRole ? zabRole.phase() : ZabPhase.ELECTION;
    }

    /** On a leader, every learner connected to it; empty on any other member. */
    public java.util.List<LearnerView> learners() {
        return state.orElse(null) instanceof Leading leading ? leading.learnerViews() : java.util.List.of();
    }

    /** The epoch files as this member last asked the driver to write them. */
    public Epochs epochs() {
        return history.epochs();
    }

    /** The last zxid in this member's log, durable or not. */
    public Zxid lastLoggedZxid() {
        return history.lastZxid();
    }

    /** The last zxid this member applied. */
    public Zxid committedThrough() {
        return history.committedThrough();
    }

    /** Where the log in memory starts: the state this member restored, installed or last compacted to. */
    public Zxid logBase() {
        return history.base();
    }

    /**
     * The driver made a snapshot of the state at {@code zxid} durable: the applied entries through
     * it leave memory, and a learner that needs them gets an image instead. Ignored unless
     * {@code zxid} is an applied entry of this member's history.
     */
    public void compact(Zxid zxid) {
        history.compact(zxid);
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
        } else if (message instanceof ZabMessage zabMessage && state.get() instanceof ZabRole zabRole) {
            stepDownIf(zabRole.onMessage(zabMessage, out), out);
        }
        return out.effects();
    }

    /** Runs the timers: the election's finalize wait and notification re-sends, ZAB's pings and limits. */
    public Effects onTick(long nowMillis) {
        Outbox out = new Outbox(self, nowMillis);
        RoleState current = state.orElse(null);
        if (current instanceof Looking looking) {
            Optional<Decision> decision = looking.onTick(out);
            if (decision.isPresent()) {
                changeRole(decision, out);
            }
        } else if (current instanceof ZabRole zabRole) {
            stepDownIf(zabRole.onTick(out), out);
        }
        return out.effects();
    }

    /**
     * Proposes one transaction with an opaque payload; only an established leader may. The effects
     * log it and send PROPOSAL; the zxid it got is that of the logged proposal. When the zxid
     * counter is exhausted the leader steps down instead, so that a new epoch starts (ZooKeeper's rule).
     */
    public Effects propose(byte[] payload, long nowMillis) {
        Check.state(state.orElse(null) instanceof Leading leading && leading.isServing(),
                "%s asked to propose while %s", self, this);
        Outbox out = new Outbox(self, nowMillis);
        Leading leading = (Leading) state.get();
        if (leading.counterExhausted()) {
            stepDownIf(Optional.of("zxid counter exhausted in epoch " + leading.epoch()), out);
        } else {
            leading.propose(payload, out);
        }
        return out.effects();
    }

    /**
     * The zxid the next {@link #propose} will assign ({@code epoch << 32 | counter + 1}), so that a
     * driver can prepare the transaction with it before proposing. Empty unless this member is an
     * established leader whose zxid counter is not exhausted, that is, unless {@code propose} would
     * assign a zxid now. Valid until the next input changes the role or proposes.
     */
    public Optional<Zxid> nextProposalZxid() {
        if (state.orElse(null) instanceof Leading leading && leading.isServing() && !leading.counterExhausted()) {
            return Optional.of(leading.nextZxid());
        }
        return Optional.empty();
    }

    /**
     * Confirms that this member still leads a quorum, for a linearizable sync (Raft's read index on
     * ZAB's heartbeat; the gap of ZOOKEEPER-1675). On an established leader it records
     * {@code token} with the zxid committed now, starts a new ping round at once and, once a quorum of
     * voters (itself included) answered that round or a later one, reports
     * {@link LeadershipConfirmed}{@code (token, committedThrough)} in {@link Effects#confirmed()},
     * possibly in the effects of this call (an ensemble with one voter) or of a later one. Tokens
     * waiting together are released together. Should the leader step down first, for any reason, the
     * token comes back in {@link Effects#abandoned()} of the call that stepped down; on a member that
     * is not an established leader it comes back there at once. Each token is reported exactly once
     * while the member lives; the driver picks tokens and keeps them unique.
     */
    public Effects confirmLeadership(long token, long nowMillis) {
        Outbox out = new Outbox(self, nowMillis);
        if (state.orElse(null) instanceof Leading leading && leading.isServing()) {
            leading.confirm(token, out);
        } else {
            out.abandon(token);
        }
        return out.effects();
    }

    /**
     * The driver made this member's log durable through {@code durableThrough}: every entry the
     * replica asked it to append up to that zxid survives a crash. Acknowledgements follow.
     */
    public Effects onLogSynced(Zxid durableThrough, long nowMillis) {
        Outbox out = new Outbox(self, nowMillis);
        history.synced(durableThrough);
        if (state.orElse(null) instanceof ZabRole zabRole) {
            stepDownIf(zabRole.onLogSynced(out), out);
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

    private void stepDownIf(Optional<String> reason, Outbox out) {
        if (reason.isPresent()) {
            Decided decided = (Decided) state.orElseThrow();
            out.event(new ReplicaEvent.SteppedDown(self, decided.role(), decided.elected(), reason.get(),
                    out.nowMillis()));
            changeRole(Optional.empty(), out);
        }
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
            next = decidedRole(decided.elected());
            logicalClock = decided.round();
            out.event(new ReplicaEvent.RoundEnded(self, decided.round(), decided.elected(), decided.joinedEstablished(),
                    out.nowMillis()));
        } else {
            Check.state(state.isEmpty() || state.get() instanceof Decided, "%s restarting an election while %s",
                    self, from);
            if (state.orElse(null) instanceof Leading leading) {
                // A deposed leader can confirm nothing any more; the driver fails the waiting syncs.
                leading.abandonConfirmations(out);
            }
            DurableState durable = zab.isPresent() ? history.durableState() : electionOnlyDurable;
            Looking looking = new Looking(self, verifier, durable, timings);
            looking.start(logicalClock + 1, out);
            next = looking;
        }
        state = Optional.of(next);
        Optional<Vote> leader = leader();
        out.event(new ReplicaEvent.RoleChanged(self, from, next.role(), leader, out.nowMillis()));
        out.roleChanged(next.role());
        if (next instanceof ZabRole zabRole) {
            stepDownIf(zabRole.start(out), out);
        }
    }

    private Decided decidedRole(Vote elected) {
        Role role = Decided.roleFor(self, elected, verifier);
        if (zab.isEmpty()) {
            return new Settled(elected, role);
        }
        return role == Role.LEADING ? new Leading(self, elected, verifier, zab.get(), history)
                : new Learner(self, elected, role, zab.get(), history);
    }

    @Override
    public String toString() {
        return "Replica[" + self + " " + role() + " round=" + round() + " leader=" + leader().orElse(null) + "]";
    }
}
