package dev.glasshouse.engine.request;

import dev.glasshouse.engine.session.SessionTable;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.watch.WatchTable;

/**
 * The tables that the pipeline and its collaborators share, handed to each collaborator in one
 * piece. Every component is mutable and confined to the member's event-loop thread.
 */
record SharedState(DataTree tree, SessionTable sessions, WatchTable watches, ConnectionTable connections,
                   PendingWrites pendingWrites, TouchedSessions touches, ServingState serving) {
}
