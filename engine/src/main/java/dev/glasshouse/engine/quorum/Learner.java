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
import java.util.Optional;

/**
 * The FOLLOWING and OBSERVING roles: ZAB's learner side, as in ZooKeeper's {@code Learner},
 * {@code Follower} and {@code Observer}. Confined to the member's event loop.
 *
 * <p>The learner sends FOLLOWERINFO, accepts (and persists) an epoch above any it accepted before,
 * answers ACKEPOCH, applies DIFF, TRUNC or SNAP, and acknowledges NEWLEADER only after the synced
 * log is durable and currentEpoch is written. Then a follower logs each PROPOSAL and acknowledges
 * it once durable, applying on COMMIT; an observer logs and applies each INFORM.
 *
 * <p>Packets from anyone but the elected leader, or of another epoch, are ignored. Any other
 * packet out of place (a gap in the zxids, a sync before ACKEPOCH) means the connection lost
 * something, and the learner goes back to LOOKING, as ZooKeeper does when its socket breaks. So
 * does silence: no UPTODATE within initLimit ticks, or nothing from the leader for syncLimit ticks.
 */
final class Learner implements ZabRole {
    private enum Phase { AWAIT_LEADER_INFO, AWAIT_SYNC, AWAIT_NEW_LEADER, SYNCING, AWAIT_UP_TO_DATE, SERVING }

    private final MemberId self;
    private final Vote elected;
    private final Role role;
    private final ZabTimings timings;
    private final History history;
    private Phase phase = Phase.AWAIT_LEADER_INFO;
    private long epoch = -1;
    private Zxid newLeaderZxid = Zxid.ZERO;
    private Zxid ackedThrough = Zxid.ZERO;
    /** This connection rejoins the epoch this member had already accepted. */
    private boolean rejoining;
    private long startedMillis;
    private long nextFollowerInfoMillis;
    private long lastHeardMillis;

    Learner(MemberId self, Vote elected, Role role, ZabTimings timings, History history) {
        Check.state(role == Role.FOLLOWING || role == Role.OBSERVING, "%s cannot learn as %s", self, role);
        this.self = self;
        this.elected = elected;
        this.role = role;
        this.timings = timings;
        this.history = history;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public Vote elected() {
        return elected;
    }

    @Override
    public boolean isServing() {
        return phase == Phase.SERVING;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public ZabPhase phase() {
        return switch (phase) {
            case AWAIT_LEADER_INFO, AWAIT_SYNC -> ZabPhase.DISCOVERY;
            case AWAIT_NEW_LEADER, SYNCING, AWAIT_UP_TO_DATE -> ZabPhase.SYNCHRONIZATION;
            case SERVING -> ZabPhase.BROADCAST;
        };
    }

    private MemberId leader() {
        return elected.leader();
    }

    @Override
    public Optional<String> start(Outbox out) {
        startedMillis = out.nowMillis();
        lastHeardMillis = startedMillis;
        sendFollowerInfo(out);
        return Optional.empty();
    }

    private void sendFollowerInfo(Outbox out) {
        out.send(new FollowerInfo(self, leader(), history.epochs().acceptedEpoch()));
        nextFollowerInfoMillis = out.nowMillis() + timings.pingMillis();
    }

    @Override
    public Optional<String> onMessage(ZabMessage message, Outbox out) {
        if (!message.from().equals(leader())) {
            return Optional.empty();
        }
        lastHeardMillis = out.nowMillis();
        if (message instanceof LeaderInfo info) {
            return onLeaderInfo(info, out);
        } else if (message instanceof SyncLog sync && sync.epoch() == epoch) {
            return onSync(sync, out);
        } else if (message instanceof NewLeader newLeader && newLeader.epoch() == epoch) {
            return onNewLeader(newLeader, out);
        } else if (message instanceof UpToDate upToDate && upToDate.epoch() == epoch) {
            return onUpToDate(upToDate, out);
        } else if (message instanceof Propose propose) {
            return onPropose(propose.proposal(), out);
        } else if (message instanceof Commit commit) {
            return onCommit(commit.zxid(), out);
        } else if (message instanceof Inform inform) {
            return onInform(inform.proposal(), out);
        } else if (message instanceof Ping ping && ping.epoch() == epoch) {
            // Echo the round: the answer shows the leader this member still follows it and its epoch.
            out.send(new Ping(self, leader(), epoch, ping.round()));
        }
        // Learner-to-leader packets and packets of another epoch mean nothing here.
        return Optional.empty();
    }

    @Override
    public Optional<String> onLogSynced(Outbox out) {
        if (phase == Phase.SYNCING) {
            acknowledgeNewLeaderWhenDurable(out);
        }
        acknowledgeDurableProposals(out);
        return Optional.empty();
    }

    @Override
    public Optional<String> onTick(Outbox out) {
        long now = out.nowMillis();
        // A learner often decides before its leader does, and a leader still LOOKING drops
        // FOLLOWERINFO (ZooKeeper's learner retries its connection instead), so ask again until answered.
        if (phase == Phase.AWAIT_LEADER_INFO && now >= nextFollowerInfoMillis) {
            sendFollowerInfo(out);
        }
        if (phase != Phase.SERVING && now - startedMillis > timings.initMillis()) {
            return Optional.of("not synchronized within initLimit (" + phase + ")");
        }
        if (now - lastHeardMillis > timings.syncMillis()) {
            return Optional.of("leader " + leader() + " silent for syncLimit");
        }
        return Optional.empty();
    }

    private Optional<String> onLeaderInfo(LeaderInfo info, Outbox out) {
        if (phase == Phase.AWAIT_SYNC && info.epoch() == epoch) {
            // The same leader's LEADERINFO again on this connection: answer again, write nothing.
            sendAckEpoch(out);
            return Optional.empty();
        }
        if (phase != Phase.AWAIT_LEADER_INFO) {
            return Optional.of("unexpected LEADERINFO for epoch " + info.epoch() + " in " + phase);
        }
        long accepted = history.epochs().acceptedEpoch();
        if (info.epoch() < accepted) {
            return Optional.of("epoch " + info.epoch() + " below accepted " + accepted);
        }
        // An equal epoch is the leader this member already followed, on a new connection: it rejoins
        // without accepting again (see AckEpoch.REJOINING), as ZooKeeper's learners do.
        rejoining = info.epoch() == accepted;
        if (!rejoining) {
            history.acceptEpoch(info.epoch(), out);
        }
        epoch = info.epoch();
        phase = Phase.AWAIT_SYNC;
        sendAckEpoch(out);
        return Optional.empty();
    }

    private void sendAckEpoch(Outbox out) {
        long reported = rejoining ? AckEpoch.REJOINING : history.epochs().currentEpoch();
        out.send(new AckEpoch(self, leader(), epoch, reported, history.lastZxid()));
    }

    private Optional<String> onSync(SyncLog sync, Outbox out) {
        if (phase != Phase.AWAIT_SYNC) {
            return Optional.of("unexpected " + sync.mode() + " in " + phase);
        }
        switch (sync.mode()) {
            case DIFF -> {
                if (!sync.truncateTo().equals(history.lastZxid())) {
                    return Optional.of("DIFF after " + sync.truncateTo() + " but log ends at " + history.lastZxid());
                }
                sync.proposals().forEach(p -> history.append(p, out));
            }
            case TRUNC -> history.truncate(sync.truncateTo(), out);
            case SNAP -> {
                if (sync.image().isEmpty()) {
                    return Optional.of("SNAP without the leader's state");
                }
                history.install(sync.image().get(), out);
                sync.proposals().forEach(p -> history.append(p, out));
            }
        }
        phase = Phase.AWAIT_NEW_LEADER;
        return Optional.empty();
    }

    private Optional<String> onNewLeader(NewLeader newLeader, Outbox out) {
        if (phase != Phase.AWAIT_NEW_LEADER || !newLeader.lastZxid().equals(history.lastZxid())) {
            return Optional.of("NEWLEADER at " + newLeader.lastZxid() + " in " + phase + " with log end "
                    + history.lastZxid());
        }
        newLeaderZxid = newLeader.lastZxid();
        phase = Phase.SYNCING;
        acknowledgeNewLeaderWhenDurable(out);
        return Optional.empty();
    }

    /** Persist the synced transactions, then currentEpoch, then ACK (ZOOKEEPER-3911, -4646). */
    private void acknowledgeNewLeaderWhenDurable(Outbox out) {
        if (history.syncedThrough().compareTo(newLeaderZxid) >= 0) {
            history.setCurrentEpoch(epoch, out);
            out.send(new NewLeaderAck(self, leader(), epoch, newLeaderZxid));
            ackedThrough = newLeaderZxid;
            phase = Phase.AWAIT_UP_TO_DATE;
            acknowledgeDurableProposals(out);
        }
    }

    private Optional<String> onUpToDate(UpToDate upToDate, Outbox out) {
        if (phase != Phase.AWAIT_UP_TO_DATE) {
            return Optional.of("unexpected UPTODATE in " + phase);
        }
        phase = Phase.SERVING;
        return commitThrough(upToDate.committedThrough(), out);
    }

    private Optional<String> onPropose(Proposal proposal, Outbox out) {
        if (role != Role.FOLLOWING || proposal.zxid().epoch() != epoch) {
            return Optional.empty();
        }
        if (phase.compareTo(Phase.SYNCING) < 0 || !proposal.zxid().equals(nextZxid())) {
            return Optional.of("PROPOSAL " + proposal.zxid() + " in " + phase + " after " + history.lastZxid());
        }
        history.append(proposal, out);
        return Optional.empty();
    }

    private Optional<String> onCommit(Zxid zxid, Outbox out) {
        if (role != Role.FOLLOWING || zxid.epoch() != epoch) {
            return Optional.empty();
        }
        if (phase.compareTo(Phase.SYNCING) < 0) {
            return Optional.of("COMMIT " + zxid + " in " + phase);
        }
        return commitThrough(zxid, out);
    }

    private Optional<String> onInform(Proposal proposal, Outbox out) {
        if (role != Role.OBSERVING || proposal.zxid().epoch() != epoch) {
            return Optional.empty();
        }
        if (phase.compareTo(Phase.SYNCING) < 0) {
            return Optional.of("INFORM " + proposal.zxid() + " in " + phase);
        }
        if (proposal.zxid().isAfter(history.lastZxid())) {
            if (!proposal.zxid().equals(nextZxid())) {
                return Optional.of("INFORM " + proposal.zxid() + " after " + history.lastZxid());
            }
            history.append(proposal, out);
        }
        return commitThrough(proposal.zxid(), out);
    }

    private Optional<String> commitThrough(Zxid zxid, Outbox out) {
        if (zxid.isAfter(history.lastZxid())) {
            return Optional.of("COMMIT " + zxid + " beyond log end " + history.lastZxid());
        }
        history.commitThrough(zxid, out);
        return Optional.empty();
    }

    /** A follower acknowledges, cumulatively, this epoch's proposals once they are durable. */
    private void acknowledgeDurableProposals(Outbox out) {
        Zxid durable = history.syncedThrough();
        boolean newLeaderAcked = phase == Phase.AWAIT_UP_TO_DATE || phase == Phase.SERVING;
        if (role == Role.FOLLOWING && newLeaderAcked && durable.epoch() == epoch && durable.isAfter(ackedThrough)) {
            out.send(new Ack(self, leader(), durable));
            ackedThrough = durable;
        }
    }

    /** The zxid the next proposal of this epoch must carry: counters start at 1 and have no gaps. */
    private Zxid nextZxid() {
        Zxid last = history.lastZxid();
        return last.epoch() == epoch ? Zxid.of(epoch, last.counter() + 1) : Zxid.of(epoch, 1);
    }
}
