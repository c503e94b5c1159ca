package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ChildrenResponse;
import dev.glasshouse.engine.wire.CheckVersionRequest;
import dev.glasshouse.engine.wire.Create2Response;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.GetDataResponse;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.MultiResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.OpResult;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.ResponseBody;
import dev.glasshouse.engine.wire.SetDataRequest;
import dev.glasshouse.engine.wire.StatResponse;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates between the application's {@link Op}s and {@link MultiResult}s and the wire's multi
 * records, adding and stripping the chroot. Creates always ask for the Stat (create2, or the
 * container and TTL opcodes, which answer the same way). Stateless.
 */
final class MultiCodec {
    private MultiCodec() {
    }

    static MultiRequest encode(List<Op> ops, Chroot chroot) {
        List<MultiOp> wire = new ArrayList<>(ops.size());
        for (Op op : ops) {
            wire.add(encode(op, chroot));
        }
        return new MultiRequest(wire);
    }

    private static MultiOp encode(Op op, Chroot chroot) {
        String path = chroot.toServer(op.path());
        if (op instanceof Op.Create create) {
            OpCode code = Requests.createOpCode(create.mode());
            return new MultiOp(code, new CreateRequest(path, create.data(), create.acl(), create.mode().flags(),
                    code == OpCode.CREATE_TTL ? create.ttlMillis() : CreateRequest.NO_TTL));
        }
        if (op instanceof Op.Delete delete) {
            return new MultiOp(OpCode.DELETE, new DeleteRequest(path, delete.version()));
        }
        if (op instanceof Op.SetData set) {
            return new MultiOp(OpCode.SET_DATA, new SetDataRequest(path, set.data(), set.version()));
        }
        if (op instanceof Op.Check check) {
            return new MultiOp(OpCode.CHECK, new CheckVersionRequest(path, check.version()));
        }
        OpCode read = op instanceof Op.GetData ? OpCode.GET_DATA : OpCode.GET_CHILDREN;
        return new MultiOp(read, new PathWatchRequest(path, false));
    }

    /** Checks an operation's path before anything is sent, as the ZooKeeper client does. */
    static void validate(Op op) {
        boolean sequential = op instanceof Op.Create create && create.mode().isSequential();
        ZnodePath.validate(op.path(), sequential);
    }

    static List<MultiResult> decode(MultiResponse response, Chroot chroot) {
        List<MultiResult> results = new ArrayList<>(response.results().size());
        for (OpResult result : response.results()) {
            results.add(decode(result, chroot));
        }
        return List.copyOf(results);
    }

    private static MultiResult decode(OpResult result, Chroot chroot) {
        if (result.isError()) {
            return new MultiResult.ErrorResult(ErrorCode.fromCode(result.err()).orElse(ErrorCode.SYSTEM_ERROR));
        }
        ResponseBody body = result.body();
        if (body instanceof Create2Response created) {
            return new MultiResult.CreateResult(chroot.toClient(created.path()), created.stat());
        }
        if (body instanceof StatResponse set) {
            return new MultiResult.SetDataResult(set.stat());
        }
        if (body instanceof GetDataResponse data) {
            return new MultiResult.GetDataResult(new NodeData(data.data(), data.stat()));
        }
        if (body instanceof ChildrenResponse children) {
            return new MultiResult.GetChildrenResult(children.children());
        }
        return result.type() == OpCode.DELETE.code() ? new MultiResult.DeleteResult() : checkOrFail(result);
    }

    private static MultiResult checkOrFail(OpResult result) {
        if (result.type() == OpCode.CHECK.code()) {
            return new MultiResult.CheckResult();
        }
        throw new WireFormatException("unexpected result type " + result.type() + " in multi reply");
    }

    /**
     * A failed atomic multi: the outer reply succeeds but every result is an error; the first one
     * that is not OK names the cause, as in the ZooKeeper client.
     */
    static Optional<ZkException> failure(List<MultiResult> results, List<Op> ops) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof MultiResult.ErrorResult error && error.code() != ErrorCode.OK) {
                Optional<String> path = i < ops.size() ? Optional.of(ops.get(i).path()) : Optional.empty();
                return Optional.of(new ZkException(error.code(), path, ZkException.describe(error.code(), path)
                        + " (operation " + i + " of multi)", results));
            }
        }
        return Optional.empty();
    }
}
