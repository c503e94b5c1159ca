package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.EventType;
import java.util.List;

/**
 * One change that applying a transaction made, as the watch table needs it to fire watches.
 * {@code acl} is the ACL of the node the event is about (the parent's for NodeChildrenChanged,
 * the deleted node's last ACL for NodeDeleted): a watcher without READ on it is not told, as in
 * ZooKeeper.
 */
public record TreeChange(EventType type, String path, List<Acl> acl) {
}
