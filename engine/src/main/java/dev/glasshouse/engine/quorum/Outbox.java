package dev.glasshouse.engine.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects what one {@link Replica} call sends and observes, then becomes its {@link Effects}.
 * Lives for one call; every event gets the call's time.
 */
final class Outbox {
    private final MemberId self;
    private final long nowMillis;
    private final List<PeerMessage> toSend = new ArrayList<>();
    private final List<ReplicaEvent> events = new ArrayList<>();
    private Optional<Role> newRole = Optional.empty();

    Outbox(MemberId self, long nowMillis) {
        this.self = self;
        this.nowMillis = nowMillis;
    }

    long nowMillis() {
        return nowMillis;
    }

    void send(Notification notification) {
        Check.state(notification.from().equals(self) && !notification.to().equals(self),
                "member %s may not send %s", self, notification);
        toSend.add(notification);
        events.add(new ReplicaEvent.VoteSent(self, notification, nowMillis));
    }

    void event(ReplicaEvent event) {
        events.add(event);
    }

    void roleChanged(Role to) {
        newRole = Optional.of(to);
    }

    Effects effects() {
        if (toSend.isEmpty() && events.isEmpty() && newRole.isEmpty()) {
            return Effects.NONE;
        }
        return new Effects(toSend, newRole, events);
    }
}
