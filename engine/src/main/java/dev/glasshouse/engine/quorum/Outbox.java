package dev.glasshouse.engine.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects what one {@link Replica} call logs, persists, sends, commits, confirms and observes, then becomes
 * its {@link Effects}. Lives for one call; every event gets the call's time.
 */
final class Outbox {
    private final MemberId self;
    private final long nowMillis;
    private Optional<StateImage> install = Optional.empty();
    private Optional<Zxid> truncateTo = Optional.empty();
    private final List<Proposal> toLog = new ArrayList<>();
    private Optional<Epochs> toPersist = Optional.empty();
    private final List<PeerMessage> toSend = new ArrayList<>();
    private final List<Proposal> toCommit = new ArrayList<>();
    private final List<LeadershipConfirmed> confirmed = new ArrayList<>();
    private final List<Long> abandoned = new ArrayList<>();
    private final List<ReplicaEvent> events = new ArrayList<>();
    private Optional<Role> newRole = Optional.empty();

    Outbox(MemberId self, long nowMillis) {
        this.self = self;
        this.nowMillis = nowMillis;
    }

    long nowMillis() {
        return nowMillis;
    }

    void send(PeerMessage message) {
        Check.state(message.from().equals(self) && !message.to().equals(self), "member %s may not send %s", self,
                message);
        toSend.add(message);
        if (message instanceof Notification notification) {
            events.add(new ReplicaEvent.VoteSent(self, notification, nowMillis));
        }
    }

    /** The driver installs an image before anything else of the call, so it must come first. */
    void install(StateImage image) {
        Check.state(install.isEmpty() && truncateTo.isEmpty() && toLog.isEmpty() && toCommit.isEmpty(),
                "%s installing %s after other log changes", self, image);
        install = Optional.of(image);
    }

    /** The driver truncates before it appends, so a truncation must come before any append of the call. */
    void truncate(Zxid to) {
        Check.state(toLog.isEmpty() && truncateTo.isEmpty(), "%s truncating to %s after logging %s", self, to, toLog);
        truncateTo = Optional.of(to);
    }

    void log(Proposal proposal) {
        toLog.add(proposal);
    }

    void persist(Epochs epochs) {
        toPersist = Optional.of(epochs);
    }

    void commit(Proposal proposal) {
        toCommit.add(proposal);
    }

    void confirm(LeadershipConfirmed confirmation) {
        confirmed.add(confirmation);
    }

    void abandon(long token) {
        abandoned.add(token);
    }

    void event(ReplicaEvent event) {
        events.add(event);
    }

    void roleChanged(Role to) {
        newRole = Optional.of(to);
    }

    Effects effects() {
        return new Effects(install, truncateTo, toLog, toPersist, toSend, toCommit, confirmed, abandoned, newRole,
                events);
    }
}
