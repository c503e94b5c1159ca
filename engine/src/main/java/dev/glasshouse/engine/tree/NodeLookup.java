package dev.glasshouse.engine.tree;

import java.util.Optional;

/** Read access to znode state for request preparation: the data tree, or the tree plus pending changes. */
public interface NodeLookup {
    Optional<NodeState> find(String path);
}
