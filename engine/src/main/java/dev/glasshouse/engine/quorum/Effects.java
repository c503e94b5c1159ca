package dev.glasshouse.engine.quorum;

import java.util.List;
import java.util.Optional;

/**
 * The work one {@link Replica} call leaves for the driver, to be done in field order:
 * <ol>
 *   <li>{@code install}: when present, make this image of a leader's state durable as a snapshot,
 *       make it the member's whole state and empty the transaction log (what follows is appended
 *       after it);</li>
 *   <li>{@code truncateTo}: cut the transaction log back to this zxid (durably) when present;</li>
 *   <li>{@code toLog}: append these proposals, then sync them and report {@link Replica#onLogSynced}
 *       later (the replica acknowledges nothing before that report);</li>
 *   <li>{@code toPersist}: write the epoch files durably when present, before sending;</li>
 *   <li>{@code toSend}: send the messages. A SNAP {@link ZabMessage.SyncLog} leaves its image to the
 *       driver, which attaches its state as of the message's {@code truncateTo}: the state once it
 *       has applied {@code toCommit}, which it therefore does first in a call with a SNAP;</li>
 *   <li>{@code toCommit}: apply these transactions, in this (zxid) order;</li>
 *   <li>{@code confirmed}: answer the syncs waiting on these tokens, each once the state has applied
 *       through its read index (a leader's state already has);</li>
 *   <li>{@code abandoned}: fail the syncs waiting on these tokens: leadership was not confirmed and
 *       never will be (the member does not lead, or stepped down);</li>
 *   <li>{@code newRole}: act on the new role when present; then log or display {@code events}.</li>
 * </ol>
 * Immutable.
 */
public record Effects(Optional<StateImage> install, Optional<Zxid> truncateTo, List<Proposal> toLog,
                      Optional<Epochs> toPersist, List<PeerMessage> toSend, List<Proposal> toCommit,
                      List<LeadershipConfirmed> confirmed, List<Long> abandoned, Optional<Role> newRole,
                      List<ReplicaEvent> events) {
    public static final Effects NONE = new Effects(Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());

    public Effects {
        toLog = List.copyOf(toLog);
        toSend = List.copyOf(toSend);
        toCommit = List.copyOf(toCommit);
        confirmed = List.copyOf(confirmed);
        abandoned = List.copyOf(abandoned);
        events = List.copyOf(events);
    }

    /** True when a message to send is a SNAP still waiting for the driver's image. */
    public boolean needsImage() {
        return toSend.stream().anyMatch(message -> message instanceof ZabMessage.SyncLog sync
                && sync.mode() == SyncMode.SNAP && sync.image().isEmpty());
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
