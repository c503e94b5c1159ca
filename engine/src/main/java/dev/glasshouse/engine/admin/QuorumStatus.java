package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.QuorumState;
import java.util.concurrent.CompletableFuture;

/**
 * Where the operations surface learns a member's place in its ensemble. A replicated member
 * publishes a fresh {@link QuorumState} after every step of its replication core (see
 * {@link PublishedQuorumStatus}); a standalone member answers {@link #standalone(long)}.
 * Implementations are thread-safe and never block the caller.
 */
public interface QuorumStatus {

    /**
     * The state published after the member's latest step. Cheap and non-blocking, so that the
     * four-letter words can read it on a Netty thread; it may lag the core by one step.
     */
    QuorumState latest();

    /**
     * The state as the member's event loop sees it now. The default answers {@link #latest()},
     * which is exact when the member publishes after every step.
     */
    default CompletableFuture<QuorumState> quorumState() {
        return CompletableFuture.completedFuture(latest());
    }

    /** A standalone member with this id: serving, with no ensemble. */
    static QuorumStatus standalone(long myId) {
        QuorumState state = QuorumState.standalone(myId);
        return () -> state;
    }
}
