package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.AddWatchRequest;
import dev.glasshouse.engine.wire.Children2Response;
import dev.glasshouse.engine.wire.ChildrenResponse;
import dev.glasshouse.engine.wire.ClientInfo;
import dev.glasshouse.engine.wire.Create2Response;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.GetAclResponse;
import dev.glasshouse.engine.wire.GetDataResponse;
import dev.glasshouse.engine.wire.IntResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathRequest;
import dev.glasshouse.engine.wire.PathResponse;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.ResponseBody;
import dev.glasshouse.engine.wire.SetAclRequest;
import dev.glasshouse.engine.wire.SetDataRequest;
import dev.glasshouse.engine.wire.StatResponse;
import dev.glasshouse.engine.wire.Stat;
import dev.glasshouse.engine.wire.WatchTypeRequest;
import dev.glasshouse.engine.wire.WatcherType;
import dev.glasshouse.engine.wire.WhoAmIResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the request of every single-path operation: validates the path, prefixes the chroot,
 * attaches the watch effect, and says how the reply body becomes the application's result (with
 * the chroot stripped again). Immutable; one per client.
 */
final class Requests {
    private final Chroot chroot;

    Requests(Chroot chroot) {
        this.chroot = chroot;
    }

    /** Containers and TTL nodes have their own opcodes; everything else is create2, which returns the Stat. */
    static OpCode createOpCode(CreateMode mode) {
        if (mode.isContainer()) {
            return OpCode.CREATE_CONTAINER;
        }
        return mode.isTtl() ? OpCode.CREATE_TTL : OpCode.CREATE2;
    }

    Request<Created> create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMillis) {
        ZnodePath.validate(path, mode.isSequential());
        if (mode.isTtl() != (ttlMillis > 0)) {
            throw new IllegalArgumentException("A TTL (" + ttlMillis + " ms) goes with the TTL create modes only, "
                    + "and they need a positive one; mode was " + mode);
        }
        OpCode op = createOpCode(mode);
        CreateRequest body = new CreateRequest(chroot.toServer(path), data, acl, mode.flags(),
                mode.isTtl() ? ttlMillis : CreateRequest.NO_TTL);
        return request(op, body, path, reply -> {
            Create2Response created = (Create2Response) reply;
            return new Created(chroot.toClient(created.path()), created.stat());
        });
    }

    Request<Void> delete(String path, int version) {
        ZnodePath.validate(path);
        return request(OpCode.DELETE, new DeleteRequest(chroot.toServer(path), version), path, reply -> null);
    }

    Request<Stat> setData(String path, byte[] data, int version) {
        ZnodePath.validate(path);
        return request(OpCode.SET_DATA, new SetDataRequest(chroot.toServer(path), data, version), path,
                reply -> ((StatResponse) reply).stat());
    }

    Request<Stat> setAcl(String path, List<Acl> acl, int aclVersion) {
        ZnodePath.validate(path);
        return request(OpCode.SET_ACL, new SetAclRequest(chroot.toServer(path), acl, aclVersion), path,
                reply -> ((StatResponse) reply).stat());
    }

    Request<Stat> exists(String path, Optional<Watcher> watcher) {
        return watched(OpCode.EXISTS, path, watcher, WatchRegistration.Kind.EXISTS,
                reply -> ((StatResponse) reply).stat());
    }

    Request<NodeData> getData(String path, Optional<Watcher> watcher) {
        return watched(OpCode.GET_DATA, path, watcher, WatchRegistration.Kind.DATA, reply -> {
            GetDataResponse data = (GetDataResponse) reply;
            return new NodeData(data.data(), data.stat());
        });
    }

    Request<List<String>> getChildren(String path, Optional<Watcher> watcher) {
        return watched(OpCode.GET_CHILDREN, path, watcher, WatchRegistration.Kind.CHILD,
                reply -> ((ChildrenResponse) reply).children());
    }

    Request<ChildrenAndStat> getChildren2(String path, Optional<Watcher> watcher) {
        return watched(OpCode.GET_CHILDREN2, path, watcher, WatchRegistration.Kind.CHILD, reply -> {
            Children2Response children = (Children2Response) reply;
            return new ChildrenAndStat(children.children(), children.stat());
        });
    }

    Request<AclAndStat> getAcl(String path) {
        return pathOnly(OpCode.GET_ACL, path, reply -> {
            GetAclResponse acl = (GetAclResponse) reply;
            return new AclAndStat(acl.acl(), acl.stat());
        });
    }

    Request<String> sync(String path) {
        return pathOnly(OpCode.SYNC, path, reply -> chroot.toClient(((PathResponse) reply).path()));
    }

    /** getEphemerals takes a path prefix, which need not name a node; "/" lists them all. */
    Request<List<String>> getEphemerals(String prefix) {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("Prefix must start with '/': '" + prefix + "'");
        }
        return request(OpCode.GET_EPHEMERALS, new PathRequest(chroot.toServer(prefix)), prefix,
                reply -> ((ChildrenResponse) reply).children().stream().map(chroot::toClient).toList());
    }

    Request<Integer> getAllChildrenNumber(String path) {
        return pathOnly(OpCode.GET_ALL_CHILDREN_NUMBER, path, reply -> ((IntResponse) reply).value());
    }

    Request<List<ClientInfo>> whoAmI() {
        Call call = Call.of(OpCode.WHO_AM_I, EmptyRequest.INSTANCE, Optional.empty());
        return new Request<>(call, reply -> ((WhoAmIResponse) reply).clientInfo());
    }

    Request<Void> addWatch(String path, Watcher watcher, AddWatchMode mode) {
        ZnodePath.validate(path);
        WatchRegistration.Kind kind = mode == AddWatchMode.PERSISTENT ? WatchRegistration.Kind.PERSISTENT
                : WatchRegistration.Kind.PERSISTENT_RECURSIVE;
        Call call = Call.of(OpCode.ADD_WATCH, new AddWatchRequest(chroot.toServer(path), mode.code()),
                Optional.of(path)).withWatch(new WatchEffect.Register(new WatchRegistration(kind, path, watcher)));
        return new Request<>(call, reply -> null);
    }

    /**
     * checkWatches (one watcher: the server only confirms it still holds such a watch) or
     * removeWatches (all watchers of the type); either way the local watchers go once the server agrees.
     */
    Request<Void> removeWatches(String path, Optional<Watcher> watcher, WatcherType type) {
        ZnodePath.validate(path);
        OpCode op = watcher.isPresent() ? OpCode.CHECK_WATCHES : OpCode.REMOVE_WATCHES;
        Call call = Call.of(op, new WatchTypeRequest(chroot.toServer(path), type.code()), Optional.of(path))
                .withWatch(new WatchEffect.Remove(path, watcher, type));
        return new Request<>(call, reply -> null);
    }

    private <T> Request<T> watched(OpCode op, String path, Optional<Watcher> watcher, WatchRegistration.Kind kind,
                                   Function<ResponseBody, T> result) {
        ZnodePath.validate(path);
        Call call = Call.of(op, new PathWatchRequest(chroot.toServer(path), watcher.isPresent()), Optional.of(path));
        if (watcher.isPresent()) {
            call = call.withWatch(new WatchEffect.Register(new WatchRegistration(kind, path, watcher.get())));
        }
        return new Request<>(call, result);
    }

    private <T> Request<T> pathOnly(OpCode op, String path, Function<ResponseBody, T> result) {
        ZnodePath.validate(path);
        return request(op, new PathRequest(chroot.toServer(path)), path, result);
    }

    private static <T> Request<T> request(OpCode op, RequestBody body, String path,
                                          Function<ResponseBody, T> result) {
        return new Request<>(Call.of(op, body, Optional.of(path)), result);
    }
}
