package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.EventType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The znode namespace of one member, changed only by applying prepared transactions in zxid
 * order. Confined to the member's event-loop thread.
 *
 * <p>A fresh tree holds {@code /}, {@code /zookeeper}, {@code /zookeeper/quota} and
 * {@code /zookeeper/config}, as ZooKeeper's does. Ephemeral nodes are indexed by owning session,
 * containers and TTL nodes by path, so that session close and the reaper need no tree walk.
 */
public final class DataTree implements NodeLookup {
    public static final String ZOOKEEPER = "/zookeeper";
    public static final String QUOTA = "/zookeeper/quota";
    public static final String CONFIG = "/zookeeper/config";

    private final Map<String, Znode> nodes = new HashMap<>();
    private final Map<Long, Set<String>> ephemeralsBySession = new HashMap<>();
    private final Set<String> containers = new TreeSet<>();
    private final Set<String> ttlNodes = new TreeSet<>();
    private final QuotaIndex quotas = new QuotaIndex(nodes);

    public DataTree() {
        Znode root = new Znode(new byte[0], Acl.OPEN_ACL_UNSAFE, 0, 0, 0);
        nodes.put("/", root);
        addSystemNode(root, ZOOKEEPER, Acl.OPEN_ACL_UNSAFE);
        Znode zookeeper = nodes.get(ZOOKEEPER);
        addSystemNode(zookeeper, QUOTA, Acl.OPEN_ACL_UNSAFE);
        addSystemNode(zookeeper, CONFIG, Acl.READ_ACL_UNSAFE);
        // ZooKeeper creates the config node with aversion -1; clients that diff Stats see the same.
        nodes.get(CONFIG).setAcl(Acl.READ_ACL_UNSAFE, -1);
    }

    private DataTree(Collection<NodeImage> images) {
        for (NodeImage image : images) {
            Znode node = new Znode(image);
            if (nodes.put(image.path(), node) != null) {
                throw new IllegalStateException("snapshot holds " + image.path() + " twice");
            }
            index(image.path(), node);
        }
        for (String path : nodes.keySet()) {
            if (!path.equals("/")) {
                Znode parent = nodes.get(PathRules.parent(path));
                if (parent == null) {
                    throw new IllegalStateException("snapshot holds " + path + " without its parent");
                }
                parent.addChildSilently(PathRules.name(path));
            }
        }
        if (!nodes.containsKey("/")) {
            throw new IllegalStateException("snapshot holds no root node");
        }
    }

    /** A tree rebuilt from a snapshot's node images, in any order; children are linked by path. */
    public static DataTree restore(Collection<NodeImage> images) {
        return new DataTree(images);
    }

    /**
     * Every node's stored state in depth-first pre-order (parents before children, children by name):
     * what a snapshot writes. The images share data arrays with the tree, which never mutates them.
     */
    public List<NodeImage> images() {
        List<NodeImage> images = new ArrayList<>(nodes.size());
        Deque<String> toVisit = new ArrayDeque<>();
        toVisit.push("/");
        while (!toVisit.isEmpty()) {
            String path = toVisit.pop();
            Znode node = nodes.get(path);
            images.add(node.image(path));
            List<String> names = new ArrayList<>(node.children());
            names.sort(Comparator.reverseOrder());
            for (String name : names) {
                toVisit.push(PathRules.child(path, name));
            }
        }
        return images;
    }

    // System nodes are added without touching the parent's cversion, which is why a fresh
    // ZooKeeper shows cversion -1 on / and -2 on /zookeeper; clients see the same here.
    private void addSystemNode(Znode parent, String path, List<Acl> acl) {
        nodes.put(path, new Znode(new byte[0], acl, 0, 0, 0));
        parent.addChildSilently(PathRules.name(path));
    }

    public Optional<Znode> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    @Override
    public Optional<NodeState> find(String path) {
        Znode node = nodes.get(path);
        return node == null ? Optional.empty() : Optional.of(node.state());
    }

    /** The quotas set under {@code /zookeeper/quota} and the usage the tree keeps for them. */
    public QuotaIndex quotas() {
        return quotas;
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** The paths of a session's ephemeral nodes, sorted. */
    public List<String> ephemerals(long sessionId) {
        Set<String> paths = ephemeralsBySession.get(sessionId);
        return paths == null ? List.of() : List.copyOf(new TreeSet<>(paths));
    }

    public Map<Long, Set<String>> ephemeralsBySession() {
        return Collections.unmodifiableMap(ephemeralsBySession);
    }

    public Set<String> containers() {
        return Collections.unmodifiableSet(containers);
    }

    public Set<String> ttlNodes() {
        return Collections.unmodifiableSet(ttlNodes);
    }

    /**
     * Containers that had children and lost them all, and TTL nodes without children whose data
     * has not changed for longer than their TTL, as ZooKeeper's {@code ContainerManager} finds
     * them; at most {@code max} paths.
     */
    public List<String> reapable(long nowMillis, int max) {
        List<String> candidates = new ArrayList<>();
        for (String path : containers) {
            Znode node = nodes.get(path);
            if (candidates.size() < max && node.children().isEmpty() && node.cversion() > 0) {
                candidates.add(path);
            }
        }
        for (String path : ttlNodes) {
            Znode node = nodes.get(path);
            long ttl = NodeKind.ttlMillis(node.ephemeralOwner());
            if (candidates.size() < max && node.children().isEmpty() && ttl != 0 && nowMillis - node.mtime() > ttl) {
                candidates.add(path);
            }
        }
        return candidates;
    }

    /**
     * ZooKeeper's {@code approximate_data_size}: the characters of every path plus the bytes of
     * every node's data. Walks the whole tree, so it is meant for status pages, not for every request.
     */
    public long approximateDataSize() {
        long total = 0;
        for (Map.Entry<String, Znode> entry : nodes.entrySet()) {
            total += entry.getKey().length() + entry.getValue().dataLength();
        }
        return total;
    }

    /** The number of ephemeral nodes of all sessions. */
    public int ephemeralCount() {
        int total = 0;
        for (Set<String> paths : ephemeralsBySession.values()) {
            total += paths.size();
        }
        return total;
    }

    /** The number of nodes below {@code path}, at any depth; the node itself is not counted. */
    public int descendantCount(String path) {
        Znode node = nodes.get(path);
        if (node == null) {
            return 0;
        }
        int count = 0;
        for (String child : node.children()) {
            count += 1 + descendantCount(PathRules.child(path, child));
        }
        return count;
    }

    /** Applies one data transaction of a session at the given zxid and leader time. */
    public Applied apply(long sessionId, long zxid, long time, Txn txn) {
        List<TreeChange> changes = new ArrayList<>();
        TxnResult result = applyInto(sessionId, zxid, time, txn, changes);
        return new Applied(result, List.copyOf(changes));
    }

    /**
     * Applies a transaction read back from the log at recovery. A fuzzy snapshot may already
     * reflect it, so, as ZooKeeper's replay does, a create of an existing node, a change of a
     * missing node and a delete of a missing or non-empty node are skipped (reported as the
     * matching error) instead of breaking the invariants {@link #apply} checks. Never used for live
     * requests: there those cases are bugs.
     */
    public Applied replay(long sessionId, long zxid, long time, Txn txn) {
        List<TreeChange> changes = new ArrayList<>();
        TxnResult result = replayInto(sessionId, zxid, time, txn, changes);
        return new Applied(result, List.copyOf(changes));
    }

    private TxnResult replayInto(long sessionId, long zxid, long time, Txn txn, List<TreeChange> changes) {
        if (txn instanceof MultiTxn multi && !multi.failed()) {
            List<TxnResult> results = new ArrayList<>(multi.txns().size());
            for (Txn sub : multi.txns()) {
                results.add(replayInto(sessionId, zxid, time, sub, changes));
            }
            return new TxnResult.Multi(List.copyOf(results));
        }
        Optional<ErrorCode> skipped = alreadyReflected(txn, zxid);
        return skipped.isPresent() ? new TxnResult.Failed(skipped.get()) : applyInto(sessionId, zxid, time, txn, changes);
    }

    private Optional<ErrorCode> alreadyReflected(Txn txn, long zxid) {
        if (txn instanceof CreateTxn create) {
            Znode parent = nodes.get(PathRules.parent(create.path()));
            if (parent == null) {
                return Optional.of(ErrorCode.NO_NODE);
            }
            if (nodes.containsKey(create.path())) {
                parent.advanceCversion(create.parentCversion(), zxid);
                return Optional.of(ErrorCode.NODE_EXISTS);
            }
        } else if (txn instanceof DeleteTxn delete) {
            Znode node = nodes.get(delete.path());
            if (node == null) {
                return Optional.of(ErrorCode.NO_NODE);
            }
            if (!node.children().isEmpty()) {
                return Optional.of(ErrorCode.NOT_EMPTY);
            }
        } else if (txn instanceof SetDataTxn set && !nodes.containsKey(set.path())) {
            return Optional.of(ErrorCode.NO_NODE);
        } else if (txn instanceof SetAclTxn set && !nodes.containsKey(set.path())) {
            return Optional.of(ErrorCode.NO_NODE);
        }
        return Optional.empty();
    }

    private TxnResult applyInto(long sessionId, long zxid, long time, Txn txn, List<TreeChange> changes) {
        // Java 17 has no pattern switch; the sealed Txn family keeps this chain exhaustive by review.
        if (txn instanceof CreateTxn create) {
            return create(create, zxid, time, changes);
        } else if (txn instanceof DeleteTxn delete) {
            return delete(delete.path(), zxid, changes);
        } else if (txn instanceof SetDataTxn set) {
            return setData(set, zxid, time, changes);
        } else if (txn instanceof SetAclTxn set) {
            return setAcl(set);
        } else if (txn instanceof CheckVersionTxn check) {
            return new TxnResult.Checked(check.path());
        } else if (txn instanceof ErrorTxn error) {
            return new TxnResult.Failed(error.code());
        } else if (txn instanceof MultiTxn multi) {
            return multi(sessionId, zxid, time, multi, changes);
        } else if (txn instanceof CloseSessionTxn) {
            return closeSession(sessionId, zxid, changes);
        } else if (txn instanceof CreateSessionTxn) {
            return new TxnResult.SessionCreated(sessionId);
        }
        throw new IllegalStateException("unknown transaction " + txn);
    }

    private TxnResult create(CreateTxn txn, long zxid, long time, List<TreeChange> changes) {
        String parentPath = PathRules.parent(txn.path());
        Znode parent = existing(parentPath);
        if (nodes.containsKey(txn.path())) {
            throw new IllegalStateException("create of existing node " + txn.path() + " at zxid 0x"
                    + Long.toHexString(zxid));
        }
        Znode node = new Znode(txn.data(), txn.acl(), zxid, time, txn.ephemeralOwner());
        nodes.put(txn.path(), node);
        parent.addChild(PathRules.name(txn.path()), txn.parentCversion(), zxid);
        index(txn.path(), node);
        quotas.created(txn.path(), parentPath);
        quotas.changed(txn.path(), 1, node.dataLength());
        changes.add(new TreeChange(EventType.NODE_CREATED, txn.path(), node.acl()));
        changes.add(new TreeChange(EventType.NODE_CHILDREN_CHANGED, parentPath, parent.acl()));
        return new TxnResult.Created(txn.op(), txn.path(), node.stat());
    }

    private void index(String path, Znode node) {
        switch (node.kind()) {
            case EPHEMERAL -> ephemeralsBySession.computeIfAbsent(node.ephemeralOwner(), id -> new TreeSet<>())
                    .add(path);
            case CONTAINER -> containers.add(path);
            case TTL -> ttlNodes.add(path);
            case PERSISTENT -> {
                // Nothing to index.
            }
        }
    }

    private TxnResult delete(String path, long zxid, List<TreeChange> changes) {
        Znode node = existing(path);
        if (!node.children().isEmpty()) {
            throw new IllegalStateException("delete of non-empty node " + path);
        }
        String parentPath = PathRules.parent(path);
        nodes.remove(path);
        existing(parentPath).removeChild(PathRules.name(path), zxid);
        unindex(path, node);
        quotas.changed(path, -1, -node.dataLength());
        changes.add(new TreeChange(EventType.NODE_DELETED, path, node.acl()));
        changes.add(new TreeChange(EventType.NODE_CHILDREN_CHANGED, parentPath, existing(parentPath).acl()));
        return new TxnResult.Deleted(path);
    }

    private void unindex(String path, Znode node) {
        switch (node.kind()) {
            case EPHEMERAL -> {
                Set<String> paths = ephemeralsBySession.get(node.ephemeralOwner());
                if (paths != null) {
                    paths.remove(path);
                    if (paths.isEmpty()) {
                        ephemeralsBySession.remove(node.ephemeralOwner());
                    }
                }
            }
            case CONTAINER -> containers.remove(path);
            case TTL -> ttlNodes.remove(path);
            case PERSISTENT -> {
                // Nothing indexed.
            }
        }
    }

    private TxnResult setData(SetDataTxn txn, long zxid, long time, List<TreeChange> changes) {
        Znode node = existing(txn.path());
        int oldLength = node.dataLength();
        node.setData(txn.data(), txn.version(), zxid, time);
        quotas.changed(txn.path(), 0, node.dataLength() - oldLength);
        changes.add(new TreeChange(EventType.NODE_DATA_CHANGED, txn.path(), node.acl()));
        return new TxnResult.DataSet(txn.path(), node.stat());
    }

    private TxnResult setAcl(SetAclTxn txn) {
        Znode node = existing(txn.path());
        node.setAcl(txn.acl(), txn.aversion());
        return new TxnResult.AclSet(txn.path(), node.stat());
    }

    private TxnResult multi(long sessionId, long zxid, long time, MultiTxn multi, List<TreeChange> changes) {
        List<TxnResult> results = new ArrayList<>(multi.txns().size());
        if (multi.failed()) {
            for (Txn sub : multi.txns()) {
                ErrorCode code = sub instanceof ErrorTxn error ? error.code() : ErrorCode.RUNTIME_INCONSISTENCY;
                results.add(new TxnResult.Failed(code));
            }
        } else {
            for (Txn sub : multi.txns()) {
                results.add(applyInto(sessionId, zxid, time, sub, changes));
            }
        }
        return new TxnResult.Multi(List.copyOf(results));
    }

    private TxnResult closeSession(long sessionId, long zxid, List<TreeChange> changes) {
        for (String path : ephemerals(sessionId)) {
            delete(path, zxid, changes);
        }
        return new TxnResult.SessionClosed(sessionId);
    }

    private Znode existing(String path) {
        Znode node = nodes.get(path);
        if (node == null) {
            throw new IllegalStateException("transaction refers to missing node " + path);
        }
        return node;
    }
}
