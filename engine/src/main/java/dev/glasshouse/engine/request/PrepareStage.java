package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.AclCheck;
import dev.glasshouse.engine.tree.CheckVersionTxn;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateTxn;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.tree.DeleteTxn;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.MultiTxn;
import dev.glasshouse.engine.tree.NodeKind;
import dev.glasshouse.engine.tree.NodeState;
import dev.glasshouse.engine.tree.PathRules;
import dev.glasshouse.engine.tree.SetAclTxn;
import dev.glasshouse.engine.tree.SetDataTxn;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CheckVersionRequest;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.SetAclRequest;
import dev.glasshouse.engine.wire.SetDataRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a write request into an idempotent transaction, checking it against the state the tree
 * will have after all pending writes, in ZooKeeper's order of checks (so clients see the same
 * error ZooKeeper would give), and records the transaction's effect in {@link PendingChanges}.
 * A rejected request becomes an {@link ErrorTxn}: failed writes consume a zxid, as in ZooKeeper.
 */
final class PrepareStage {
    private static final Set<String> SPECIAL_PATHS = Set.of("/", DataTree.ZOOKEEPER, DataTree.QUOTA,
            DataTree.CONFIG);

    private final PendingChanges pending;
    private final AclFixup aclFixup;
    private final boolean extendedTypesEnabled;
    private final QuotaCheck quota;

    PrepareStage(PendingChanges pending, AclFixup aclFixup, boolean extendedTypesEnabled, QuotaCheck quota) {
        this.pending = pending;
        this.aclFixup = aclFixup;
        this.extendedTypesEnabled = extendedTypesEnabled;
        this.quota = quota;
    }

    /** The transaction for a write of the given opcode; never throws for a client mistake. */
    Txn prepare(OpCode op, RequestBody body, RequestContext context, long zxid) {
        if (op == OpCode.MULTI) {
            return multi((MultiRequest) body, context, zxid);
        }
        if (op == OpCode.RECONFIG) {
            return new ErrorTxn(ErrorCode.RECONFIG_DISABLED);
        }
        try {
            return prepareOne(op, body, context, zxid);
        } catch (Rejection rejection) {
            return new ErrorTxn(rejection.code());
        }
    }

    /** Closes a session: its ephemerals, including those pending creation, will be deleted. */
    Txn closeSession(long sessionId, long zxid, List<String> appliedEphemerals) {
        Set<String> paths = new TreeSet<>(appliedEphemerals);
        paths.removeIf(pending::isPendingDelete);
        paths.addAll(pending.pendingEphemerals(sessionId));
        for (String path : paths) {
            String parentPath = PathRules.parent(path);
            pending.find(parentPath).ifPresent(parent -> pending.put(zxid, parentPath, withChildCount(parent,
                    parent.childCount() - 1)));
            pending.delete(zxid, path);
        }
        return new CloseSessionTxn();
    }

    /** Deletes a container or TTL node found reapable, unless pending writes gave it children again. */
    Optional<Txn> reap(String path, long zxid) {
        NodeState node = pending.find(path).orElse(null);
        NodeState parent = pending.find(PathRules.parent(path)).orElse(null);
        if (node == null || parent == null || node.childCount() > 0) {
            return Optional.empty();
        }
        pending.put(zxid, PathRules.parent(path), withChildCount(parent, parent.childCount() - 1));
        pending.delete(zxid, path);
        return Optional.of(new DeleteTxn(path));
    }

    private Txn multi(MultiRequest request, RequestContext context, long zxid) {
        List<Txn> txns = new ArrayList<>(request.ops().size());
        for (int i = 0; i < request.ops().size(); i++) {
            MultiOp op = request.ops().get(i);
            try {
                txns.add(prepareOne(op.op(), op.body(), context, zxid));
            } catch (Rejection rejection) {
                pending.rollback(zxid);
                return failedMulti(request.ops().size(), i, rejection.code());
            }
        }
        return new MultiTxn(List.copyOf(txns));
    }

    private static MultiTxn failedMulti(int size, int failedIndex, ErrorCode code) {
        List<Txn> txns = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ErrorCode each = i < failedIndex ? ErrorCode.OK : i == failedIndex ? code : ErrorCode.RUNTIME_INCONSISTENCY;
            txns.add(new ErrorTxn(each));
        }
        return new MultiTxn(List.copyOf(txns));
    }

    private Txn prepareOne(OpCode op, RequestBody body, RequestContext context, long zxid) throws Rejection {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL -> create(op, (CreateRequest) body, context, zxid);
            case DELETE -> delete((DeleteRequest) body, context, zxid);
            case SET_DATA -> setData((SetDataRequest) body, context, zxid);
            case SET_ACL -> setAcl((SetAclRequest) body, context, zxid);
            case CHECK -> check((CheckVersionRequest) body, context);
            default -> throw new IllegalArgumentException("not a write: " + op);
        };
    }

    private Txn create(OpCode op, CreateRequest request, RequestContext context, long zxid) throws Rejection {
        CreateMode mode = CreateMode.fromFlags(request.flags()).orElseThrow(() -> rejection(ErrorCode.BAD_ARGUMENTS));
        validateKind(mode, request.ttlMillis());
        String path = request.path();
        int lastSlash = path == null ? -1 : path.lastIndexOf('/');
        if (lastSlash < 0 || path.indexOf('\0') >= 0) {
            throw new Rejection(ErrorCode.BAD_ARGUMENTS);
        }
        List<Acl> acl = aclFixup.fixup(request.acl(), context.identities());
        String parentPath = lastSlash == 0 ? "/" : path.substring(0, lastSlash);
        NodeState parent = existing(parentPath);
        requirePermission(parent, Perms.CREATE, context);
        if (mode.isSequential()) {
            path = path + String.format("%010d", parent.cversion());
        }
        if (PathRules.problem(path).isPresent()) {
            throw new Rejection(ErrorCode.BAD_ARGUMENTS);
        }
        if (pending.find(path).isPresent()) {
            throw new Rejection(ErrorCode.NODE_EXISTS);
        }
        if (parent.kind() == NodeKind.EPHEMERAL) {
            throw new Rejection(ErrorCode.NO_CHILDREN_FOR_EPHEMERALS);
        }
        quota.create(path, request.data());
        long owner = ownerFor(mode, request.ttlMillis(), context.sessionId());
        int newCversion = parent.cversion() + 1;
        pending.put(zxid, parentPath, new NodeState(parent.acl(), parent.version(), newCversion, parent.aversion(),
                parent.ephemeralOwner(), parent.childCount() + 1));
        pending.put(zxid, path, new NodeState(acl, 0, 0, 0, owner, 0));
        return new CreateTxn(op.code(), path, request.data(), acl, owner, newCversion);
    }

    private void validateKind(CreateMode mode, long ttlMillis) throws Rejection {
        if (mode.isTtl() && !extendedTypesEnabled) {
            throw new Rejection(ErrorCode.UNIMPLEMENTED);
        }
        if (mode.isTtl() ? ttlMillis <= 0 || ttlMillis > NodeKind.MAX_TTL_MILLIS : ttlMillis >= 0) {
            throw new Rejection(ErrorCode.BAD_ARGUMENTS);
        }
    }

    private static long ownerFor(CreateMode mode, long ttlMillis, long sessionId) {
        if (mode.isContainer()) {
            return NodeKind.CONTAINER_OWNER;
        }
        if (mode.isTtl()) {
            return NodeKind.ttlOwner(ttlMillis);
        }
        return mode.isEphemeral() ? sessionId : 0;
    }

    private Txn delete(DeleteRequest request, RequestContext context, long zxid) throws Rejection {
        String path = request.path();
        int lastSlash = path == null ? -1 : path.lastIndexOf('/');
        if (lastSlash < 0 || path.indexOf('\0') >= 0 || SPECIAL_PATHS.contains(path)) {
            throw new Rejection(ErrorCode.BAD_ARGUMENTS);
        }
        String parentPath = lastSlash == 0 ? "/" : path.substring(0, lastSlash);
        NodeState parent = existing(parentPath);
        requirePermission(parent, Perms.DELETE, context);
        NodeState node = existing(path);
        checkVersion(node.version(), request.version());
        if (node.childCount() > 0) {
            throw new Rejection(ErrorCode.NOT_EMPTY);
        }
        pending.put(zxid, parentPath, withChildCount(parent, parent.childCount() - 1));
        pending.delete(zxid, path);
        return new DeleteTxn(path);
    }

    private Txn setData(SetDataRequest request, RequestContext context, long zxid) throws Rejection {
        validPath(request.path());
        NodeState node = existing(request.path());
        requirePermission(node, Perms.WRITE, context);
        // ZooKeeper checks the quota before the version.
        quota.setData(request.path(), request.data());
        int newVersion = checkVersion(node.version(), request.version());
        pending.put(zxid, request.path(), new NodeState(node.acl(), newVersion, node.cversion(), node.aversion(),
                node.ephemeralOwner(), node.childCount()));
        return new SetDataTxn(request.path(), request.data(), newVersion);
    }

    private Txn setAcl(SetAclRequest request, RequestContext context, long zxid) throws Rejection {
        validPath(request.path());
        List<Acl> acl = aclFixup.fixup(request.acl(), context.identities());
        NodeState node = existing(request.path());
        requirePermission(node, Perms.ADMIN, context);
        int newAversion = checkVersion(node.aversion(), request.version());
        pending.put(zxid, request.path(), new NodeState(acl, node.version(), node.cversion(), newAversion,
                node.ephemeralOwner(), node.childCount()));
        return new SetAclTxn(request.path(), acl, newAversion);
    }

    private Txn check(CheckVersionRequest request, RequestContext context) throws Rejection {
        validPath(request.path());
        NodeState node = existing(request.path());
        requirePermission(node, Perms.READ, context);
        return new CheckVersionTxn(request.path(), checkVersion(node.version(), request.version()));
    }

    private static NodeState withChildCount(NodeState node, int childCount) {
        return new NodeState(node.acl(), node.version(), node.cversion(), node.aversion(), node.ephemeralOwner(),
                childCount);
    }

    private NodeState existing(String path) throws Rejection {
        return pending.find(path).orElseThrow(() -> rejection(ErrorCode.NO_NODE));
    }

    private static void validPath(String path) throws Rejection {
        if (PathRules.problem(path).isPresent()) {
            throw new Rejection(ErrorCode.BAD_ARGUMENTS);
        }
    }

    private static void requirePermission(NodeState node, int perm, RequestContext context) throws Rejection {
        if (!AclCheck.allows(node.acl(), perm, context.identities())) {
            throw new Rejection(ErrorCode.NO_AUTH);
        }
    }

    /** ZooKeeper's {@code checkAndIncVersion}: -1 matches any version. */
    private static int checkVersion(int current, int expected) throws Rejection {
        if (expected != -1 && expected != current) {
            throw new Rejection(ErrorCode.BAD_VERSION);
        }
        return current + 1;
    }

    private static Rejection rejection(ErrorCode code) {
        return new Rejection(code);
    }
}
