package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.PublishedQuorumStatus;
import dev.glasshouse.engine.persist.SnapshotStore;
import dev.glasshouse.engine.persist.TxnLog;
import dev.glasshouse.engine.quorum.Epochs;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.ReplayedState;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a {@link ReplicatedEventLoop} is built with besides its two cores. Immutable.
 *
 * @param tickMillis          how often the timers run: the replica's election and ZAB timers and the
 *                            pipeline's session expiry
 * @param snapshots           where snapshots go: every {@code snapCount} or so applied transactions,
 *                            and the leader's state when it brings this member up to date with SNAP
 * @param pipelines           builds the pipeline that continues from an installed snapshot
 * @param requestFinished     called after each client request was handled ({@code globalOutstandingLimit})
 * @param peerMessageFinished called after each peer message was handled, so the transport can stop
 *                            reading from peers while too many wait
 * @param events              told of every member event, on the loop's thread; must not block
 */
record ReplicatedSetup(MemberId self, long tickMillis, TxnLog txnLog, EpochWriter epochs, SnapshotStore snapshots,
                       int snapCount, long randomSeed, Function<ReplayedState, Pipeline> pipelines,
                       long fsyncWarningMillis, Runnable requestFinished, Runnable peerMessageFinished,
                       Consumer<ReplicaEvent> events, QuorumStateView view, PublishedQuorumStatus status,
                       boolean readOnlyMode) {

    /** Where the member writes its epoch files: durably, before the call returns. */
    interface EpochWriter {
        void write(Epochs epochs) throws IOException;
    }
}
