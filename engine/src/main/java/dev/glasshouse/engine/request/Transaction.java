package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.Txn;

/**
 * One prepared write with its header, the unit that is logged, replicated and applied
 * (ZooKeeper's {@code TxnHeader} plus txn). {@code timeMillis} is the preparing member's clock and
 * becomes ctime/mtime on every member.
 */
public record Transaction(long sessionId, int cxid, long zxid, long timeMillis, int type, Txn txn) {
}
