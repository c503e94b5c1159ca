package dev.glasshouse.engine.quorum;

import dev.glasshouse.engine.quorum.LearnerSession.Phase;
import dev.glasshouse.engine.quorum.ZabMessage.Ack;
import dev.glasshouse.engine.quorum.ZabMessage.AckEpoch;
import dev.glasshouse.engine.quorum.ZabMessage.FollowerInfo;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeaderAck;
import dev.glasshouse.engine.quorum.ZabMessage.Ping;
import dev.glasshouse.engine.quorum.ZabMessage.UpToDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The LEADING role: ZAB's leader side, as in ZooKeeper's {@code Leader} and {@code LearnerHandler}.
 * Confined to the member's event loop.
 * <ol>
 *   <li><b>Discovery</b>: once FOLLOWERINFO came from a quorum (itself included), the epoch is one
 *       above every acceptedEpoch among them; it is persisted and sent in LEADERINFO. Once a quorum
 *       answered ACKEPOCH, synchronization starts. A learner with a later history than the leader's
 *       makes the leader step down.</li>
 *   <li><b>Synchronization</b>: each learner gets DIFF, TRUNC or SNAP, then NEWLEADER. Once a quorum
 *       of voters acknowledged NEWLEADER (the leader counts once its own log is durable and its
 *       currentEpoch written) the leader is <em>established</em>: it commits its whole initial
 *       history and sends UPTODATE.</li>
 *   <li><b>Broadcast</b>: {@link #propose} numbers a transaction {@code epoch << 32 | counter},
 *       logs it and sends PROPOSAL; entries commit in zxid order once a quorum of voters has them
 *       durable; followers get COMMIT, observers INFORM.</li>
 * </ol>
 * While established the leader can also confirm that it still leads ({@link #confirm}): it starts a
 * numbered ping round and waits until a quorum of voters, itself included, answered that round or a
 * later one. A learner answers only the pings of the leader and epoch it follows, and a member never
 * follows an epoch again once it accepted a later one, so once a quorum follows a newer epoch this
 * leader can no longer collect a quorum of answers.
 * <p>Leading sequences the phases and owns the timers and the ping rounds: {@link Establishing} runs
 * discovery and synchronization, {@link Broadcasting} the broadcast, and both keep their per-learner
 * state in the {@link LearnerConnections} they share with it.
 * <p>The leader steps down (to LOOKING) when it is not established within initLimit ticks, or later
 * when fewer than a quorum of synchronized voters (itself included) were heard within syncLimit ticks.
 */
final class Leading implements ZabRole {
    private final MemberId self;
    private final Vote elected;
    private final QuorumVerifier verifier;
    private final ZabTimings timings;
    private final History history;
    private final LearnerConnections learners = new LearnerConnections();
    private final Establishing establishing;
    private final Broadcasting broadcasting;
    private final PingRounds pingRounds = new PingRounds();
    private long startedMillis;
    private long nextPingMillis;

    Leading(MemberId self, Vote elected, QuorumVerifier verifier, ZabTimings timings, History history) {
        this.self = self;
        this.elected = elected;
        this.verifier = verifier;
        this.timings = timings;
        this.history = history;
        this.establishing = new Establishing(self, verifier, history, learners);
        this.broadcasting = new Broadcasting(self, verifier, history, learners);
    }

    @Override
    public Role role() {
        return Role.LEADING;
    }

    @Override
    public Vote elected() {
        return elected;
    }

    @Override
    public boolean isServing() {
        return establishing.established();
    }

    @Override
    public long epoch() {
        return establishing.epoch();
    }

    @Override
    public Optional<String> start(Outbox out) {
        startedMillis = out.nowMillis();
        nextPingMillis = startedMillis;
        return establishing.start(out);
    }

    @Override
    public Optional<String> onMessage(ZabMessage message, Outbox out) {
        if (message instanceof FollowerInfo info) {
            return establishing.onFollowerInfo(info, out);
        }
        Optional<LearnerSession> found = learners.find(message.from());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LearnerSession session = found.get();
        session.lastHeardMillis = out.nowMillis();
        long epoch = epoch();
        if (message instanceof AckEpoch ack && ack.epoch() == epoch && session.phase == Phase.EPOCH_SENT) {
            return establishing.onAckEpoch(ack, session, out);
        }
        if (message instanceof NewLeaderAck ack && ack.epoch() == epoch && session.phase == Phase.SYNC_SENT) {
            session.phase = Phase.SYNCED;
            session.ackedThrough = ack.lastZxid();
            if (isServing()) {
                out.send(new UpToDate(self, ack.from(), epoch, history.committedThrough()));
                broadcasting.commitOnQuorum(out);
                return Optional.empty();
            }
            return establishing.establishOnQuorum(out);
        }
        if (message instanceof Ack ack && ack.zxid().epoch() == epoch && session.phase == Phase.SYNCED
                && ack.zxid().isAfter(session.ackedThrough)) {
            broadcasting.onAck(ack, session, out);
        }
        if (message instanceof Ping ping && ping.epoch() == epoch && ping.round() > session.answeredRound
                && verifier.isVoter(ping.from())) {
            // Only a voter's answer can take part in a quorum; an observer's would prove nothing.
            session.answeredRound = ping.round();
            pingRounds.confirm(this::answeredByQuorum, out);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> onLogSynced(Outbox out) {
        if (isServing()) {
            broadcasting.commitOnQuorum(out);
            return Optional.empty();
        }
        return establishing.establishOnQuorum(out);
    }

    @Override
    public Optional<String> onTick(Outbox out) {
        long now = out.nowMillis();
        if (now >= nextPingMillis) {
            nextPingMillis = now + timings.pingMillis();
            startPingRound(out);
        }
        if (!isServing()) {
            return now - startedMillis > timings.initMillis()
                    ? Optional.of("not established within initLimit") : Optional.empty();
        }
        TreeSet<MemberId> inTouch = learners.syncedInTouch(now, timings.syncMillis());
        inTouch.add(self);
        return verifier.containsQuorum(inTouch) ? Optional.empty()
                : Optional.of("only " + inTouch + " in touch within syncLimit");
    }

    @Override
    public ZabPhase phase() {
        if (isServing()) {
            return ZabPhase.BROADCAST;
        }
        return establishing.syncing() ? ZabPhase.SYNCHRONIZATION : ZabPhase.DISCOVERY;
    }

    /** Every learner connected to this leader, in id order. */
    List<LearnerView> learnerViews() {
        return learners.views(verifier);
    }

    /** Numbers, logs and sends one transaction; only while established. */
    Proposal propose(byte[] payload, Outbox out) {
        Check.state(isServing(), "%s proposing before it is established in epoch %d", self, epoch());
        return broadcasting.propose(epoch(), payload, out);
    }

    /** The zxid {@link #propose} assigns next; only while established and the counter is not exhausted. */
    Zxid nextZxid() {
        Check.state(isServing() && !counterExhausted(), "%s has no next zxid in epoch %d", self, epoch());
        return broadcasting.nextZxid(epoch());
    }

    /**
     * Confirms, for {@code token}, that this leader still leads: starts a ping round at once and
     * reports {@link LeadershipConfirmed} with the zxid committed now once a quorum of voters answered
     * it (at once when the leader alone is a quorum). Only while established.
     */
    void confirm(long token, Outbox out) {
        Check.state(isServing(), "%s confirming leadership before it is established in epoch %d", self, epoch());
        long round = startPingRound(out);
        pingRounds.await(round, token, history.committedThrough());
        pingRounds.confirm(this::answeredByQuorum, out);
    }

    /** The leadership ends: every confirmation still waiting is abandoned. */
    void abandonConfirmations(Outbox out) {
        pingRounds.abandonAll(out);
    }

    /** True when the next proposal's counter would overflow: ZooKeeper then forces a new epoch. */
    boolean counterExhausted() {
        return broadcasting.counterExhausted();
    }

    /** Pings every learner being synchronized or synchronized, in a new round; returns the round. */
    private long startPingRound(Outbox out) {
        long round = pingRounds.start();
        long epoch = epoch();
        learners.forEach((learner, session) -> {
            if (session.syncSent()) {
                out.send(new Ping(self, learner, epoch, round));
            }
        });
        return round;
    }

    /** True when a quorum of voters, the leader included, answered {@code round} or a later one. */
    private boolean answeredByQuorum(long round) {
        TreeSet<MemberId> answered = learners.answered(round);
        answered.add(self);
        return verifier.containsQuorum(answered);
    }
}
