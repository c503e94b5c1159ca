package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import java.util.List;

/**
 * What request preparation needs to know about a znode, as it will be once every outstanding
 * transaction has been applied. {@code cversion} is the persisted counter of child creations
 * (the sequence-number source), not the client-visible value.
 */
public record NodeState(List<Acl> acl, int version, int cversion, int aversion, long ephemeralOwner,
                        int childCount) {

    public NodeKind kind() {
        return NodeKind.of(ephemeralOwner);
    }
}
