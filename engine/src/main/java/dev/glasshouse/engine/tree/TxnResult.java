package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Stat;
import java.util.List;

/** What applying one transaction produced, from which the reply to the client is built. */
public sealed interface TxnResult {
    /** A znode was created; {@code op} is the request's opcode. */
    record Created(int op, String path, Stat stat) implements TxnResult {
    }

    record Deleted(String path) implements TxnResult {
    }

    record DataSet(String path, Stat stat) implements TxnResult {
    }

    record AclSet(String path, Stat stat) implements TxnResult {
    }

    record Checked(String path) implements TxnResult {
    }

    record Failed(ErrorCode code) implements TxnResult {
    }

    record Multi(List<TxnResult> results) implements TxnResult {
    }

    record SessionCreated(long sessionId) implements TxnResult {
    }

    record SessionClosed(long sessionId) implements TxnResult {
    }
}
