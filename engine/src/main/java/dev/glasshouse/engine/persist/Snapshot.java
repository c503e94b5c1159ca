package dev.glasshouse.engine.persist;

import dev.glasshouse.engine.tree.NodeImage;
import java.util.List;

/**
 * The tree and sessions of a member as they were once the transaction at {@code zxid} was applied.
 * Nodes are in depth-first pre-order, parents before children. Immutable.
 */
public record Snapshot(long zxid, List<SessionImage> sessions, List<NodeImage> nodes) {
    public Snapshot {
        sessions = List.copyOf(sessions);
        nodes = List.copyOf(nodes);
    }
}
