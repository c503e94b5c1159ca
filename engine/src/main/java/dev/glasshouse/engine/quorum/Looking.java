package dev.glasshouse.engine.quorum;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The LOOKING role: one member's side of ZooKeeper's fast leader election (FLE), driven by
 * notifications and ticks instead of a blocking receive loop. Confined to the member's event loop.
 *
 * <p>The rules, as in {@code FastLeaderElection.lookForLeader}:
 * <ul>
 *   <li>A round starts with the member voting for itself (an observer votes for nobody) and
 *       sending its vote to every voter.</li>
 *   <li>A LOOKING notification from a higher round moves this member to that round: the votes
 *       received so far are dropped and the member proposes the better of the sender's vote and
 *       its own. A lower round is ignored, but its sender is answered with the current proposal
 *       so it can catch up. In the same round a better vote is adopted and re-sent, and the
 *       sender of a worse one is answered.</li>
 *   <li>When the votes of the round that equal the proposal form a quorum, the member waits
 *       {@code finalizeWait} for a better vote and then decides. Unlike ZooKeeper, which restarts
 *       the wait for every vote that is not better and drops those votes, the wait here is fixed
 *       and such votes are recorded; a better vote, or a round reset, cancels the wait.</li>
 *   <li>FOLLOWING and LEADING notifications report an established leader. The member decides for
 *       it when a quorum of them in its own round agree, or, from any round, when a quorum agree
 *       and the leader itself says it is LEADING (joining an established ensemble).</li>
 *   <li>While nothing arrives, notifications are re-sent after a timeout that doubles from the
 *       minimum to the maximum notification interval.</li>
 * </ul>
 * Only voters' notifications count, and only votes for voters; an observer's notification is at
 * most answered, so observers never sway an election.
 */
final class Looking implements RoleState {
    private static final long NEVER = Long.MAX_VALUE;

    private final MemberId self;
    private final QuorumVerifier verifier;
    private final DurableState durable;
    private final ElectionTimings timings;
    private long round;
    private Vote proposal;
    /** Votes of the current round by sender, ZooKeeper's {@code recvset}; a voter's own vote included. */
    private final SortedMap<MemberId, Notification> received = new TreeMap<>();
    /** Latest FOLLOWING or LEADING notification by sender, from any round; ZooKeeper's {@code outofelection}. */
    private final SortedMap<MemberId, Notification> established = new TreeMap<>();
    private long notificationTimeoutMillis;
    private long resendAtMillis;
    private long decideAtMillis = NEVER;

    Looking(MemberId self, QuorumVerifier verifier, DurableState durable, ElectionTimings timings) {
        this.self = self;
        this.verifier = verifier;
        this.durable = durable;
        this.timings = timings;
        this.notificationTimeoutMillis = timings.minNotificationIntervalMillis();
    }

    @Override
    public Role role() {
        return Role.LOOKING;
    }

    long round() {
        return round;
    }

    Vote proposal() {
        return proposal;
    }

    /** Enters {@code firstRound}, votes for itself and tells every voter. */
    void start(long firstRound, Outbox out) {
        Check.state(firstRound > 0, "election round %d is not positive", firstRound);
        enterRound(firstRound, ownVote(firstRound), out);
        broadcast(out);
        resendAtMillis = out.nowMillis() + notificationTimeoutMillis;
        // A lone voter is a quorum by itself and hears no notification that would start the finalize
        // wait, so start it here; the next tick after it decides. With more voters this waits for them.
        awaitFinalize(out.nowMillis());
    }

    Optional<Decision> onNotification(Notification received, Outbox out) {
        boolean fromVoter = verifier.isVoter(received.from());
        if (shouldAnswer(received, fromVoter)) {
            out.send(reply(received.from()));
        }
        if (!fromVoter) {
            return Optional.empty();
        }
        resendAtMillis = out.nowMillis() + notificationTimeoutMillis;
        if (!verifier.isVoter(received.vote().leader())) {
            return Optional.empty();
        }
        return switch (received.state()) {
            case LOOKING -> onLookingVote(received, out);
            case FOLLOWING, LEADING -> onEstablishedVote(received);
            case OBSERVING -> Optional.empty();
        };
    }

    /**
     * A voter answers a LOOKING observer (observers learn only from answers), a LOOKING voter in a
     * lower round (so it catches up), and a LOOKING voter in this round whose vote is worse than
     * this member's proposal (so it learns the better vote).
     *
     * <p>The last rule is not ZooKeeper's, which relies on TCP and on re-sending the last message
     * after a reconnect. Without it a lost notification can stall an election: a peer that keeps
     * re-sending its worse vote restarts this member's notification timeout each time, so this
     * member never re-sends the better one. ZooKeeper also lets observers answer, and answers
     * observers in every state; two members can then answer each other forever, and an observer's
     * vote carries nothing a voter uses, so here observers never answer.
     */
    private boolean shouldAnswer(Notification received, boolean fromVoter) {
        if (!verifier.isVoter(self) || received.state() != Role.LOOKING) {
            return false;
        }
        long theirRound = received.vote().electionEpoch();
        return !fromVoter || theirRound < round || theirRound == round && proposal.beats(received.vote());
    }

    /** Decides once the finalize wait passed; re-sends the proposal when the notification timeout expired. */
    Optional<Decision> onTick(Outbox out) {
        long now = out.nowMillis();
        if (now >= decideAtMillis) {
            Check.state(agreeingQuorum(received, proposal, Role.LOOKING), "%s about to decide %s without a quorum"
                    + " in %s", self, proposal, received.values());
            return Optional.of(new Decision(proposal, round, false));
        }
        if (now >= resendAtMillis) {
            broadcast(out);
            notificationTimeoutMillis = Math.min(2 * notificationTimeoutMillis,
                    timings.maxNotificationIntervalMillis());
            resendAtMillis = now + notificationTimeoutMillis;
        }
        return Optional.empty();
    }

    private Optional<Decision> onLookingVote(Notification received, Outbox out) {
        Vote vote = received.vote();
        if (vote.electionEpoch() < round) {
            return Optional.empty();
        }
        if (vote.electionEpoch() > round) {
            this.received.clear();
            Vote own = ownVote(vote.electionEpoch());
            enterRound(vote.electionEpoch(), vote.beats(own) ? vote : own, out);
            broadcast(out);
        } else if (vote.beats(proposal)) {
            propose(vote, out);
            broadcast(out);
        }
        this.received.put(received.from(), received);
        return awaitFinalize(out.nowMillis());
    }

    private Optional<Decision> onEstablishedVote(Notification received) {
        Vote vote = received.vote();
        if (vote.electionEpoch() == round) {
            this.received.put(received.from(), received);
            if (agreeingQuorum(this.received, vote, received.state()) && leaderConfirmed(this.received, vote)) {
                return Optional.of(new Decision(vote, round, false));
            }
            // The sender's decided vote replaced its LOOKING one, which may have completed the quorum.
            if (!agreeingQuorum(this.received, proposal, Role.LOOKING)) {
                decideAtMillis = NEVER;
            }
        }
        established.put(received.from(), received);
        if (agreeingQuorum(established, vote, received.state()) && leaderConfirmed(established, vote)) {
            return Optional.of(new Decision(vote, vote.electionEpoch(), true));
        }
        return Optional.empty();
    }

    /** Starts the finalize wait when a quorum agrees on the proposal, cancels it when none does. */
    private Optional<Decision> awaitFinalize(long now) {
        if (!agreeingQuorum(received, proposal, Role.LOOKING)) {
            decideAtMillis = NEVER;
            return Optional.empty();
        }
        if (decideAtMillis == NEVER) {
            decideAtMillis = now + timings.finalizeWaitMillis();
        }
        return now >= decideAtMillis ? Optional.of(new Decision(proposal, round, false)) : Optional.empty();
    }

    private void enterRound(long nextRound, Vote vote, Outbox out) {
        Check.state(nextRound > round, "%s moving from round %d back to %d", self, round, nextRound);
        round = nextRound;
        proposal = vote.inRound(nextRound);
        decideAtMillis = NEVER;
        recordOwnVote();
        out.event(new ReplicaEvent.RoundStarted(self, round, proposal, out.nowMillis()));
    }

    private void propose(Vote better, Outbox out) {
        Check.state(better.beats(proposal), "%s replacing %s by the worse %s", self, proposal, better);
        Vote previous = proposal;
        proposal = better.inRound(round);
        decideAtMillis = NEVER;
        recordOwnVote();
        out.event(new ReplicaEvent.ProposalChanged(self, previous, proposal, out.nowMillis()));
    }

    /** ZooKeeper delivers a voter's own notification to itself; recording it directly has the same effect. */
    private void recordOwnVote() {
        if (verifier.isVoter(self)) {
            received.put(self, new Notification(self, self, proposal, Role.LOOKING));
        }
    }

    private void broadcast(Outbox out) {
        for (MemberId voter : verifier.voters()) {
            if (!voter.equals(self)) {
                out.send(new Notification(self, voter, proposal, Role.LOOKING));
            }
        }
    }

    private Notification reply(MemberId to) {
        return new Notification(self, to, proposal, Role.LOOKING);
    }

    private Vote ownVote(long forRound) {
        return verifier.isVoter(self) ? durable.ownVote(self, forRound) : Vote.nobody(forRound);
    }

    /**
     * True when the voters whose vote agrees with {@code target} form a quorum. Against a LOOKING vote
     * every field must match (same round included); two decided votes agree on leader and peer epoch,
     * as in ZooKeeper's {@code Vote.equals}.
     */
    private boolean agreeingQuorum(Map<MemberId, Notification> votes, Vote target, Role targetState) {
        Set<MemberId> agreeing = new TreeSet<>();
        for (Notification vote : votes.values()) {
            boolean agrees = vote.state() == Role.LOOKING || targetState == Role.LOOKING
                    ? vote.vote().equals(target)
                    : vote.vote().leader().equals(target.leader()) && vote.vote().peerEpoch() == target.peerEpoch();
            if (agrees) {
                agreeing.add(vote.from());
            }
        }
        return verifier.containsQuorum(agreeing);
    }

    /**
     * ZooKeeper's {@code checkLeader}: another member counts as leader only once it said LEADING
     * itself, so nobody follows a leader that never took office; this member may lead only in the
     * round it is in.
     */
    private boolean leaderConfirmed(Map<MemberId, Notification> votes, Vote vote) {
        if (vote.leader().equals(self)) {
            return vote.electionEpoch() == round;
        }
        Notification fromLeader = votes.get(vote.leader());
        return fromLeader != null && fromLeader.state() == Role.LEADING;
    }
}
