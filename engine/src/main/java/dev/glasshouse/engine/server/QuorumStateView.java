package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.quorum.LearnerView;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.Replica;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.Vote;
import dev.glasshouse.engine.server.config.EnsembleConfig;
import dev.glasshouse.engine.server.config.EnsembleMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a member's replica, its configuration and the votes it has received into the
 * {@link QuorumState} that four-letter words, the AdminServer and the consoles report. Remembers
 * the latest notification from each peer, from the replica's events. Confined to the member's
 * event-loop thread; the states it builds are immutable.
 */
final class QuorumStateView {
    private final EnsembleConfig ensemble;
    private final SortedMap<Long, QuorumState.ReceivedVote> latestVotes = new TreeMap<>();

    QuorumStateView(EnsembleConfig ensemble) {
        this.ensemble = ensemble;
    }

    void onEvent(ReplicaEvent event) {
        if (event instanceof ReplicaEvent.VoteReceived received) {
            Notification notification = received.notification();
            latestVotes.put(notification.from().value(), new QuorumState.ReceivedVote(notification.from().value(),
                    peerState(notification.state()), vote(notification.vote()), received.atMillis()));
        }
    }

    QuorumState build(Replica replica, boolean serving, boolean readOnly, Set<MemberId> connected, int pendingSyncs) {
        Role role = replica.role();
        Optional<Vote> current = role == Role.LOOKING ? replica.proposal() : replica.leader();
        return new QuorumState(mode(role), ensemble.myId(),
                Optional.of(QuorumState.ZabPhase.valueOf(replica.zabPhase().name())), serving, readOnly,
                replica.epochs().acceptedEpoch(), replica.epochs().currentEpoch(), replica.lastLoggedZxid().value(),
                replica.committedThrough().value(), replica.round(),
                replica.leader().map(vote -> OptionalLong.of(vote.leader().value())).orElse(OptionalLong.empty()),
                current.map(QuorumStateView::vote), members(connected), learners(replica), pendingSyncs,
                new ArrayList<>(latestVotes.values()));
    }

    private List<QuorumState.Member> members(Set<MemberId> connected) {
        List<QuorumState.Member> members = new ArrayList<>();
        for (EnsembleMember member : ensemble.members().values()) {
            Optional<String> client = member.clientPort().isPresent()
                    ? Optional.of(member.clientHost().orElse(member.host()) + ":" + member.clientPort().getAsInt())
                    : Optional.empty();
            boolean self = member.id() == ensemble.myId();
            members.add(new QuorumState.Member(member.id(), member.host() + ":" + member.quorumPort(),
                    member.host() + ":" + member.electionPort(), client, type(member.observer()),
                    self || connected.contains(MemberId.of(member.id()))));
        }
        return members;
    }

    private static List<QuorumState.Learner> learners(Replica replica) {
        List<QuorumState.Learner> learners = new ArrayList<>();
        for (LearnerView view : replica.learners()) {
            learners.add(new QuorumState.Learner(view.id().value(), type(view.observer()), view.synced(),
                    view.ackedThrough().value()));
        }
        return learners;
    }

    private static QuorumState.LearnerType type(boolean observer) {
        return observer ? QuorumState.LearnerType.OBSERVER : QuorumState.LearnerType.PARTICIPANT;
    }

    private static QuorumState.Mode mode(Role role) {
        return switch (role) {
            case LOOKING -> QuorumState.Mode.LOOKING;
            case LEADING -> QuorumState.Mode.LEADER;
            case FOLLOWING -> QuorumState.Mode.FOLLOWER;
            case OBSERVING -> QuorumState.Mode.OBSERVER;
        };
    }

    private static QuorumState.PeerState peerState(Role role) {
        return QuorumState.PeerState.valueOf(role.name());
    }

    private static QuorumState.Vote vote(Vote vote) {
        return new QuorumState.Vote(vote.leader().value(), vote.zxid().value(), vote.electionEpoch(), vote.peerEpoch());
    }
}
