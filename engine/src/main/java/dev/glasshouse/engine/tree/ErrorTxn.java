package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.ErrorCode;

/** A write that failed validation; it still consumes a zxid, as in ZooKeeper. */
public record ErrorTxn(ErrorCode code) implements Txn {
}
