package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.AclCheck;
import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.tree.Znode;
import dev.glasshouse.engine.watch.WatchKind;
import dev.glasshouse.engine.watch.WatchTable;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Children2Response;
import dev.glasshouse.engine.wire.ChildrenResponse;
import dev.glasshouse.engine.wire.ClientInfo;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.GetAclResponse;
import dev.glasshouse.engine.wire.GetDataResponse;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.IntResponse;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.MultiResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.OpResult;
import dev.glasshouse.engine.wire.PathRequest;
import dev.glasshouse.engine.wire.PathResponse;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.StatResponse;
import dev.glasshouse.engine.wire.WhoAmIResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the reads a member serves from its own tree, registering the watches they ask for.
 * Runs only after every earlier write of the same session has been applied, which gives
 * ZooKeeper's FIFO client order.
 */
final class ReadStage {
    private final DataTree tree;
    private final WatchTable watches;

    ReadStage(DataTree tree, WatchTable watches) {
        this.tree = tree;
        this.watches = watches;
    }

    Reply read(OpCode op, RequestBody body, RequestContext context) {
        try {
            return switch (op) {
                case EXISTS -> exists((PathWatchRequest) body, context);
                case GET_DATA -> getData((PathWatchRequest) body, context);
                case GET_CHILDREN, GET_CHILDREN2 -> getChildren(op, (PathWatchRequest) body, context);
                case GET_ACL -> getAcl(((PathRequest) body).path(), context);
                case GET_ALL_CHILDREN_NUMBER -> allChildrenNumber(((PathRequest) body).path(), context);
                case GET_EPHEMERALS -> Reply.ok(new ChildrenResponse(ephemerals(((PathRequest) body).path(), context)));
                case SYNC -> Reply.ok(new PathResponse(((PathRequest) body).path()));
                case WHO_AM_I -> Reply.ok(new WhoAmIResponse(clientInfo(context.identities())));
                case MULTI_READ -> Reply.ok(multiRead((MultiRequest) body, context));
                default -> throw new IllegalArgumentException("not a read: " + op);
            };
        } catch (Rejection rejection) {
            return Reply.error(rejection.code());
        }
    }

    private Reply exists(PathWatchRequest request, RequestContext context) throws Rejection {
        String path = request.path();
        if (path == null || path.indexOf('\0') >= 0) {
            throw new Rejection(ErrorCode.BAD_ARGUMENTS);
        }
        Znode node = tree.node(path).orElse(null);
        if (node != null) {
            requireAnyPermission(node, Perms.READ, context);
        }
        // Unlike getData, exists leaves a watch on a missing node: it fires when the node is created.
        if (request.watch()) {
            watches.add(WatchKind.DATA, path, context.connectionId());
        }
        if (node == null) {
            throw new Rejection(ErrorCode.NO_NODE);
        }
        return Reply.ok(new StatResponse(node.stat()));
    }

    private Reply getData(PathWatchRequest request, RequestContext context) throws Rejection {
        Znode node = readable(request.path(), Perms.READ, context);
        if (request.watch()) {
            watches.add(WatchKind.DATA, request.path(), context.connectionId());
        }
        return Reply.ok(new GetDataResponse(node.data(), node.stat()));
    }

    private Reply getChildren(OpCode op, PathWatchRequest request, RequestContext context) throws Rejection {
        Znode node = readable(request.path(), Perms.READ, context);
        if (request.watch()) {
            watches.add(WatchKind.CHILD, request.path(), context.connectionId());
        }
        List<String> children = sorted(node);
        return Reply.ok(op == OpCode.GET_CHILDREN2 ? new Children2Response(children, node.stat())
                : new ChildrenResponse(children));
    }

    private Reply getAcl(String path, RequestContext context) throws Rejection {
        Znode node = readable(path, Perms.READ | Perms.ADMIN, context);
        if (AclCheck.allows(node.acl(), Perms.ADMIN, context.identities())) {
            return Reply.ok(new GetAclResponse(node.acl(), node.stat()));
        }
        // Without ADMIN, digest hashes are masked so they cannot be attacked offline, as ZooKeeper does.
        List<Acl> masked = new ArrayList<>(node.acl().size());
        for (Acl acl : node.acl()) {
            Id id = acl.id();
            masked.add(id.scheme().equals("digest")
                    ? new Acl(acl.perms(), new Id(id.scheme(), id.id().replaceAll(":.*", ":x"))) : acl);
        }
        return Reply.ok(new GetAclResponse(List.copyOf(masked), node.stat()));
    }

    private Reply allChildrenNumber(String path, RequestContext context) throws Rejection {
        readable(path, Perms.READ, context);
        return Reply.ok(new IntResponse(tree.descendantCount(path)));
    }

    private List<String> ephemerals(String prefix, RequestContext context) {
        List<String> owned = tree.ephemerals(context.sessionId());
        String trimmed = prefix == null ? "" : prefix.trim();
        if (trimmed.isEmpty() || trimmed.equals("/")) {
            return owned;
        }
        return owned.stream().filter(path -> path.startsWith(prefix)).toList();
    }

    private MultiResponse multiRead(MultiRequest request, RequestContext context) {
        List<OpResult> results = new ArrayList<>(request.ops().size());
        for (MultiOp op : request.ops()) {
            Reply reply = read(op.op(), op.body(), context);
            results.add(reply.err() == ErrorCode.OK ? new OpResult(op.op().code(), 0, reply.body())
                    : OpResult.error(reply.err()));
        }
        return new MultiResponse(List.copyOf(results));
    }

    static List<ClientInfo> clientInfo(List<Id> identities) {
        List<ClientInfo> infos = new ArrayList<>();
        for (Id id : identities) {
            if (id.scheme().equals("digest")) {
                infos.add(new ClientInfo("digest", id.id().substring(0, Math.max(0, id.id().indexOf(':')))));
            } else if (id.scheme().equals("ip")) {
                infos.add(new ClientInfo("ip", id.id()));
            } else if (id.scheme().equals("super")) {
                // ZooKeeper has no provider for "super"; clients see the scheme with an empty user.
                infos.add(new ClientInfo("super", ""));
            }
        }
        return List.copyOf(infos);
    }

    private Znode readable(String path, int perm, RequestContext context) throws Rejection {
        Znode node = tree.node(path == null ? "" : path).orElseThrow(() -> new Rejection(ErrorCode.NO_NODE));
        requireAnyPermission(node, perm, context);
        return node;
    }

    private static void requireAnyPermission(Znode node, int perm, RequestContext context) throws Rejection {
        if (!AclCheck.allows(node.acl(), perm, context.identities())) {
            throw new Rejection(ErrorCode.NO_AUTH);
        }
    }

    private static List<String> sorted(Znode node) {
        List<String> children = new ArrayList<>(node.children());
        children.sort(null);
        return children;
    }
}
