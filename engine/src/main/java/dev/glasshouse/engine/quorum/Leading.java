package dev.glasshouse.engine.quorum;

import dev.glasshouse.engine.quorum.ZabMessage.Ack;
import dev.glasshouse.engine.quorum.ZabMessage.AckEpoch;
import dev.glasshouse.engine.quorum.ZabMessage.Commit;
import dev.glasshouse.engine.quorum.ZabMessage.FollowerInfo;
import dev.glasshouse.engine.quorum.ZabMessage.Inform;
import dev.glasshouse.engine.quorum.ZabMessage.LeaderInfo;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeader;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeaderAck;
import dev.glasshouse.engine.quorum.ZabMessage.Ping;
import dev.glasshouse.engine.quorum.ZabMessage.Propose;
import dev.glasshouse.engine.quorum.ZabMessage.SyncLog;
import dev.glasshouse.engine.quorum.ZabMessage.UpToDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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

 * The leader steps down (to LOOKING) when it is not established within initLimit ticks, or later
 * when fewer than a quorum of synchronized voters (itself included) were heard within syncLimit ticks.
 */
final class Leading implements ZabRole {
    private enum Phase { INFO_RECEIVED, EPOCH_SENT, EPOCH_ACKED, SYNC_SENT, SYNCED }

    /** The leader's view of one learner connection. */
    private static final class Session {
        private Phase phase = Phase.INFO_RECEIVED;
        private long lastHeardMillis;
        private Zxid lastZxid = Zxid.ZERO;
        private Zxid ackedThrough = Zxid.ZERO;
        /** The latest ping round this learner answered on this connection. */
        private long answeredRound;

        private Session(long nowMillis) {
            lastHeardMillis = nowMillis;
        }
    }

    private final MemberId self;
    private final Vote elected;
    private final QuorumVerifier verifier;
    private final ZabTimings timings;
    private final History history;
    private final SortedMap<MemberId, Long> acceptedEpochs = new TreeMap<>();
    private final SortedMap<MemberId, Session> learners = new TreeMap<>();
    private final PingRounds pingRounds = new PingRounds();
    private long epoch = -1;
    private boolean syncing;
    private boolean established;
    private Zxid initialLast = Zxid.ZERO;
    private long counter;
    private long startedMillis;
    private long nextPingMillis;

    Leading(MemberId self, Vote elected, QuorumVerifier verifier, ZabTimings timings, History history) {
        this.self = self;
        this.elected = elected;
        this.verifier = verifier;
        this.timings = timings;
        this.history = history;
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
        return established;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public Optional<String> start(Outbox out) {
        startedMillis = out.nowMillis();
        nextPingMillis = startedMillis;
        acceptedEpochs.put(self, history.epochs().acceptedEpoch());
        return proposeEpochOnQuorum(out);
    }

    @Override
    public Optional<String> onMessage(ZabMessage message, Outbox out) {
        if (message instanceof FollowerInfo info) {
            return onFollowerInfo(info, out);
        }
        Session session = learners.get(message.from());
        if (session == null) {
            return Optional.empty();
        }
        session.lastHeardMillis = out.nowMillis();
        if (message instanceof AckEpoch ack && ack.epoch() == epoch && session.phase == Phase.EPOCH_SENT) {
            return onAckEpoch(ack, session, out);
        }
        if (message instanceof NewLeaderAck ack && ack.epoch() == epoch && session.phase == Phase.SYNC_SENT) {
            session.phase = Phase.SYNCED;
            session.ackedThrough = ack.lastZxid();
            if (established) {
                out.send(new UpToDate(self, ack.from(), epoch, history.committedThrough()));
                commitOnQuorum(out);
                return Optional.empty();
            }
            return establishOnQuorum(out);
        }
        if (message instanceof Ack ack && ack.zxid().epoch() == epoch && session.phase == Phase.SYNCED
                && ack.zxid().isAfter(session.ackedThrough)) {
            session.ackedThrough = ack.zxid();
            out.event(new ReplicaEvent.AckReceived(self, ack.from(), ack.zxid(), out.nowMillis()));
            commitOnQuorum(out);
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
        if (established) {
            commitOnQuorum(out);
            return Optional.empty();
        }
        return establishOnQuorum(out);
    }

    @Override
    public Optional<String> onTick(Outbox out) {
        long now = out.nowMillis();
        if (now >= nextPingMillis) {
            nextPingMillis = now + timings.pingMillis();
            startPingRound(out);
        }
        if (!established) {
            return now - startedMillis > timings.initMillis()
                    ? Optional.of("not established within initLimit") : Optional.empty();
        }
        TreeSet<MemberId> inTouch = new TreeSet<>();
        inTouch.add(self);
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.SYNCED && now - session.lastHeardMillis <= timings.syncMillis()) {
                inTouch.add(learner);
            }
        });
        return verifier.containsQuorum(inTouch) ? Optional.empty()
                : Optional.of("only " + inTouch + " in touch within syncLimit");
    }

    @Override
    public ZabPhase phase() {
        if (established) {
            return ZabPhase.BROADCAST;
        }
        return syncing ? ZabPhase.SYNCHRONIZATION : ZabPhase.DISCOVERY;
    }

    /** Every learner connected to this leader, in id order. */
    List<LearnerView> learnerViews() {
        List<LearnerView> views = new java.util.ArrayList<>();
        learners.forEach((learner, session) -> views.add(new LearnerView(learner, verifier.isObserver(learner),
                session.phase == Phase.SYNCED, session.ackedThrough)));
        return views;
    }

    /** Numbers, logs and sends one transaction; only while established. */
    Proposal propose(byte[] payload, Outbox out) {
        Check.state(established, "%s proposing before it is established in epoch %d", self, epoch);
        counter++;
        Proposal proposal = new Proposal(Zxid.of(epoch, counter), payload);
        history.append(proposal, out);
        out.event(new ReplicaEvent.Proposed(self, proposal.zxid(), out.nowMillis()));
        learners.forEach((learner, session) -> {
            if (verifier.isVoter(learner) && session.phase.compareTo(Phase.SYNC_SENT) >= 0) {
                out.send(new Propose(self, learner, proposal));
            }
        });
        return proposal;
    }

    /** The zxid {@link #propose} assigns next; only while established and the counter is not exhausted. */
    Zxid nextZxid() {
        Check.state(established && !counterExhausted(), "%s has no next zxid in epoch %d", self, epoch);
        return Zxid.of(epoch, counter + 1);
    }

    /**
     * Confirms, for {@code token}, that this leader still leads: starts a ping round at once and
     * reports {@link LeadershipConfirmed} with the zxid committed now once a quorum of voters answered
     * it (at once when the leader alone is a quorum). Only while established.
     */
    void confirm(long token, Outbox out) {
        Check.state(established, "%s confirming leadership before it is established in epoch %d", self, epoch);
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
        return counter >= 0xffff_ffffL;
    }

    private Optional<String> onFollowerInfo(FollowerInfo info, Outbox out) {
        // A new FOLLOWERINFO means a new connection: whatever the old one reached is gone.
        Session session = new Session(out.nowMillis());
        learners.put(info.from(), session);
        if (epoch >= 0) {
            if (info.acceptedEpoch() < epoch) {
                session.phase = Phase.EPOCH_SENT;
                out.send(new LeaderInfo(self, info.from(), epoch));
            }
            return Optional.empty();
        }
        if (verifier.isVoter(info.from())) {
            acceptedEpochs.put(info.from(), info.acceptedEpoch());
        }
        return proposeEpochOnQuorum(out);
    }

    private Optional<String> proposeEpochOnQuorum(Outbox out) {
        if (epoch >= 0 || !verifier.containsQuorum(acceptedEpochs.keySet())) {
            return Optional.empty();
        }
        long highest = acceptedEpochs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        epoch = highest + 1;
        Check.state(epoch <= Integer.MAX_VALUE, "%s ran out of epochs at %d", self, highest);
        history.acceptEpoch(epoch, out);
        out.event(new ReplicaEvent.EpochProposed(self, epoch, acceptedEpochs.keySet(), out.nowMillis()));
        learners.forEach((learner, session) -> {
            session.phase = Phase.EPOCH_SENT;
            out.send(new LeaderInfo(self, learner, epoch));
        });
        return synchronizeOnQuorum(out);
    }

    private Optional<String> onAckEpoch(AckEpoch ack, Session session, Outbox out) {
        long ours = history.epochs().currentEpoch();
        boolean theirsLater = ack.currentEpoch() > ours
                || ack.currentEpoch() == ours && ack.lastZxid().isAfter(history.lastZxid());
        if (theirsLater && verifier.isVoter(ack.from())) {
            return Optional.of(ack.from() + " has a later history (epoch " + ack.currentEpoch() + ", "
                    + ack.lastZxid() + ")");
        }
        session.phase = Phase.EPOCH_ACKED;
        session.lastZxid = ack.lastZxid();
        if (syncing) {
            synchronize(ack.from(), session, out);
            return Optional.empty();
        }
        return synchronizeOnQuorum(out);
    }

    /** Once a quorum (the leader included) acknowledged the epoch, synchronizes every learner that did. */
    private Optional<String> synchronizeOnQuorum(Outbox out) {
        TreeSet<MemberId> acked = new TreeSet<>();
        acked.add(self);
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.EPOCH_ACKED) {
                acked.add(learner);
            }
        });
        if (syncing || !verifier.containsQuorum(acked)) {
            return Optional.empty();
        }
        syncing = true;
        initialLast = history.lastZxid();
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.EPOCH_ACKED) {
                synchronize(learner, session, out);
            }
        });
        return establishOnQuorum(out);
    }

    /** DIFF, TRUNC or SNAP by the learner's last zxid, then NEWLEADER. */
    private void synchronize(MemberId learner, Session session, Outbox out) {
        Zxid theirs = session.lastZxid;
        Zxid last = history.lastZxid();
        SyncLog sync;
        if (history.contains(theirs)) {
            sync = new SyncLog(self, learner, epoch, SyncMode.DIFF, theirs, history.after(theirs));
        } else if (theirs.isAfter(last) && theirs.epoch() == last.epoch()) {
            // Within one epoch every log is a prefix of that epoch's leader's sequence, so the learner
            // holds all of ours and only its tail, never acknowledged by a quorum, must go.
            sync = new SyncLog(self, learner, epoch, SyncMode.TRUNC, last, List.of());
        } else {
            sync = new SyncLog(self, learner, epoch, SyncMode.SNAP, Zxid.ZERO, history.all());
        }
        out.send(sync);
        out.send(new NewLeader(self, learner, epoch, last));
        out.event(new ReplicaEvent.LearnerSynced(self, learner, sync.mode(), theirs, last, out.nowMillis()));
        session.phase = Phase.SYNC_SENT;
    }

    private Optional<String> establishOnQuorum(Outbox out) {
        if (!syncing || established || history.syncedThrough().compareTo(initialLast) < 0) {
            return Optional.empty();
        }
        // Persist the transactions first, then currentEpoch (ZOOKEEPER-4646's order).
        history.setCurrentEpoch(epoch, out);
        TreeSet<MemberId> acked = new TreeSet<>();
        acked.add(self);
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.SYNCED) {
                acked.add(learner);
            }
        });
        if (!verifier.containsQuorum(acked)) {
            return Optional.empty();
        }
        established = true;
        history.commitThrough(initialLast, out);
        out.event(new ReplicaEvent.Established(self, epoch, initialLast, acked, out.nowMillis()));
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.SYNCED) {
                out.send(new UpToDate(self, learner, epoch, history.committedThrough()));
            }
        });
        return Optional.empty();
    }

    /** Commits, in zxid order, every entry a quorum of voters holds durably. */
    private void commitOnQuorum(Outbox out) {
        Zxid before = history.committedThrough();
        Optional<Proposal> next = history.firstUncommitted();
        while (next.isPresent() && durableOnQuorum(next.get().zxid())) {
            Proposal proposal = next.get();
            history.commitThrough(proposal.zxid(), out);
            learners.forEach((learner, session) -> {
                if (verifier.isObserver(learner) && session.phase.compareTo(Phase.SYNC_SENT) >= 0) {
                    out.send(new Inform(self, learner, proposal));
                }
            });
            next = history.firstUncommitted();
        }
        Zxid through = history.committedThrough();
        if (through.isAfter(before)) {
            learners.forEach((learner, session) -> {
                if (verifier.isVoter(learner) && session.phase.compareTo(Phase.SYNC_SENT) >= 0) {
                    out.send(new Commit(self, learner, through));
                }
            });
        }
    }

    /** Pings every learner being synchronized or synchronized, in a new round; returns the round. */
    private long startPingRound(Outbox out) {
        long round = pingRounds.start();
        learners.forEach((learner, session) -> {
            if (session.phase.compareTo(Phase.SYNC_SENT) >= 0) {
                out.send(new Ping(self, learner, epoch, round));
            }
        });
        return round;
    }

    /** True when a quorum of voters, the leader included, answered {@code round} or a later one. */
    private boolean answeredByQuorum(long round) {
        TreeSet<MemberId> answered = new TreeSet<>();
        answered.add(self);
        learners.forEach((learner, session) -> {
            if (session.answeredRound >= round) {
                answered.add(learner);
            }
        });
        return verifier.containsQuorum(answered);
    }

    private boolean durableOnQuorum(Zxid zxid) {
        TreeSet<MemberId> holders = new TreeSet<>();
        if (history.syncedThrough().compareTo(zxid) >= 0) {
            holders.add(self);
        }
        learners.forEach((learner, session) -> {
            if (session.phase == Phase.SYNCED && session.ackedThrough.compareTo(zxid) >= 0) {
                holders.add(learner);
            }
        });
        return verifier.containsQuorum(holders);
    }
}
