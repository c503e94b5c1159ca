package dev.glasshouse.engine.tree;

import java.util.List;

/**
 * The sub-transactions of a multi, applied atomically. A failed multi consists only of
 * {@link ErrorTxn}s: {@code OK} before the failing op, its code, then {@code RUNTIME_INCONSISTENCY}.
 */
public record MultiTxn(List<Txn> txns) implements Txn {
    public boolean failed() {
        return txns.stream().anyMatch(ErrorTxn.class::isInstance);
    }
}
