package dev.glasshouse.engine.tree;

import java.util.List;

/** The result of applying a transaction and the changes, in order, whose watches must fire. */
public record Applied(TxnResult result, List<TreeChange> changes) {
}
