package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.QuorumState;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link QuorumStatus} that holds the last state a member published. The member's event loop
 * calls {@link #publish} after each step of its replication core; readers on any thread get that
 * snapshot without waiting for the loop. Thread-safe.
 */
public final class PublishedQuorumStatus implements QuorumStatus {
    private final AtomicReference<QuorumState> latest;

    public PublishedQuorumStatus(QuorumState initial) {
        this.latest = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** Replaces the published state; called on the member's event-loop thread. */
    public void publish(QuorumState state) {
        latest.set(Objects.requireNonNull(state, "state"));
    }

    @Override
    public QuorumState latest() {
        return latest.get();
    }
}
