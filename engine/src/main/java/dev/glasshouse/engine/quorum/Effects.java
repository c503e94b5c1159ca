package dev.glasshouse.engine.quorum;

import java.util.List;
import java.util.Optional;

/**
 * The work one {@link Replica} call leaves for the driver, to be done in field order: send the
 * messages, then act on the new role (when present), then log or display the events. Immutable.
 *
 * <p>Later work adds, ahead of {@code toSend}, the transactions to append and sync ({@code toLog})
 * and after it the transactions to apply ({@code toCommit}), as STYLE.md §4 lays out.
 */
public record Effects(List<PeerMessage> toSend, Optional<Role> newRole, List<ReplicaEvent> events) {
    public static final Effects NONE = new Effects(List.of(), Optional.empty(), List.of());

    public Effects {
        toSend = List.copyOf(toSend);
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return toSend.isEmpty() && newRole.isEmpty() && events.isEmpty();
    }
}
