package dev.glasshouse.engine.tree;

/** Ends a session, by the client's request or by expiry, deleting its ephemeral nodes. */
public record CloseSessionTxn() implements Txn {
}
