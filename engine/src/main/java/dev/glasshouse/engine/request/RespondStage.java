package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.TxnResult;
import dev.glasshouse.engine.wire.Create2Response;
import dev.glasshouse.engine.wire.CreateResponse;
import dev.glasshouse.engine.wire.EmptyResponse;
import dev.glasshouse.engine.wire.MultiResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.OpResult;
import dev.glasshouse.engine.wire.ResponseBody;
import dev.glasshouse.engine.wire.StatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the client's reply from what applying its transaction produced. create answers with the
 * path alone; create2, createContainer and createTTL with path and Stat (reported as create2
 * inside multi, as ZooKeeper does); a failed multi still answers OK at the top level with one
 * error result per operation.
 */
final class RespondStage {
    private RespondStage() {
    }

    static Reply respond(TxnResult result) {
        if (result instanceof TxnResult.Failed failed) {
            return Reply.error(failed.code());
        }
        if (result instanceof TxnResult.Multi multi) {
            List<OpResult> results = new ArrayList<>(multi.results().size());
            for (TxnResult each : multi.results()) {
                results.add(opResult(each));
            }
            return Reply.ok(new MultiResponse(List.copyOf(results)));
        }
        return Reply.ok(body(result));
    }

    private static OpResult opResult(TxnResult result) {
        if (result instanceof TxnResult.Failed failed) {
            return OpResult.error(failed.code());
        }
        if (result instanceof TxnResult.Created created) {
            int type = created.op() == OpCode.CREATE.code() ? OpCode.CREATE.code() : OpCode.CREATE2.code();
            return new OpResult(type, 0, body(result));
        }
        int type = result instanceof TxnResult.Deleted ? OpCode.DELETE.code()
                : result instanceof TxnResult.DataSet ? OpCode.SET_DATA.code() : OpCode.CHECK.code();
        return new OpResult(type, 0, body(result));
    }

    private static ResponseBody body(TxnResult result) {
        if (result instanceof TxnResult.Created created) {
            return created.op() == OpCode.CREATE.code() ? new CreateResponse(created.path())
                    : new Create2Response(created.path(), created.stat());
        }
        if (result instanceof TxnResult.DataSet set) {
            return new StatResponse(set.stat());
        }
        if (result instanceof TxnResult.AclSet set) {
            return new StatResponse(set.stat());
        }
        return EmptyResponse.INSTANCE;
    }
}
