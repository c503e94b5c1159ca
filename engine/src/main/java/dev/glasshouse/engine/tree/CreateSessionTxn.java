package dev.glasshouse.engine.tree;

/** Opens a session with a negotiated timeout and the password every member will accept. */
public record CreateSessionTxn(int timeoutMillis, byte[] password) implements Txn {
}
