package dev.glasshouse.engine.tree;

/**
 * An idempotent state change, computed from a request by preparation and applied identically by
 * every member (ZooKeeper's {@code *Txn} records). Failed writes become an {@link ErrorTxn}: they
 * consume a zxid like ZooKeeper's.
 */
public sealed interface Txn permits CreateTxn, DeleteTxn, SetDataTxn, SetAclTxn, CheckVersionTxn, ErrorTxn,
        MultiTxn, CreateSessionTxn, CloseSessionTxn {
}
