package dev.glasshouse.engine.server;

import dev.glasshouse.engine.persist.Recovery;
import dev.glasshouse.engine.persist.Snapshot;
import dev.glasshouse.engine.persist.SnapshotImages;
import dev.glasshouse.engine.persist.SnapshotStore;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.StateImage;
import dev.glasshouse.engine.quorum.SyncMode;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.ReplayedState;
import java.io.IOException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ends of SNAP for a member's event loop: a leader attaches its state to a SNAP the
 * replica sent without it, and a learner makes a leader's state its own. Runs on the event loop,
 * while the learner serves no client.
 */
final class StateTransfer {
    private static final Logger log = LoggerFactory.getLogger(StateTransfer.class);

    private final SnapshotStore snapshots;
    private final Function<ReplayedState, Pipeline> pipelines;

    StateTransfer(SnapshotStore snapshots, Function<ReplayedState, Pipeline> pipelines) {
        this.snapshots = snapshots;
        this.pipelines = pipelines;
    }

    /**
     * {@code message} with this member's state attached when it is a SNAP without one; the state
     * has applied exactly through the SNAP's zxid, because the driver applies the call's commits
     * before it sends a SNAP.
     */
    PeerMessage attachState(PeerMessage message, Pipeline pipeline) {
        if (!(message instanceof ZabMessage.SyncLog sync) || sync.mode() != SyncMode.SNAP || sync.image().isPresent()) {
            return message;
        }
        Snapshot state = SnapshotScheduler.capture(pipeline);
        if (state.zxid() != sync.truncateTo().value()) {
            throw new IllegalStateException("SNAP at " + sync.truncateTo() + " but the state applied through 0x"
                    + Long.toHexString(state.zxid()));
        }
        return sync.withImage(new StateImage(sync.truncateTo(), SnapshotImages.encode(state)));
    }

    /**
     * Makes a leader's state this member's: durable as a snapshot first, so that a crash at any
     * point leaves the old log or the new state on disk, then the pipeline that continues from it.
     * The caller empties the log next. An image that does not decode, or a snapshot that cannot be
     * written, is an {@link IOException}.
     */
    Pipeline install(StateImage image, long nowMillis) throws IOException {
        Snapshot snapshot = SnapshotImages.decode(image.zxid().value(), image.data(), "the leader");
        snapshots.write(snapshot);
        Pipeline pipeline = pipelines.apply(Recovery.restore(snapshot, nowMillis));
        log.info("Installed the leader's state zxid={} nodes={} sessions={} bytes={}", image.zxid(),
                snapshot.nodes().size(), snapshot.sessions().size(), image.length());
        return pipeline;
    }
}
