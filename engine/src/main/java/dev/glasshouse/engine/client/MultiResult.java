package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Stat;
import java.util.List;

/**
 * The result of one operation of a {@code multi} or {@code multiRead}, in the order of the
 * operations. Paths are relative to the client's chroot. Immutable values.
 */
public sealed interface MultiResult {

    record CreateResult(String path, Stat stat) implements MultiResult {
    }

    record DeleteResult() implements MultiResult {
    }

    record SetDataResult(Stat stat) implements MultiResult {
    }

    record CheckResult() implements MultiResult {
    }

    record GetDataResult(NodeData data) implements MultiResult {
    }

    record GetChildrenResult(List<String> children) implements MultiResult {
        public GetChildrenResult {
            children = List.copyOf(children);
        }
    }

    /**
     * An operation that failed, or that did not run because another one failed (then its code is
     * OK for earlier and RUNTIME_INCONSISTENCY for later operations of an atomic multi).
     */
    record ErrorResult(ErrorCode code) implements MultiResult {
    }
}
