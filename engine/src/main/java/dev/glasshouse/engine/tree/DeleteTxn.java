package dev.glasshouse.engine.tree;

/** Deletes a znode that has no children (delete, and the container reaper's deleteContainer). */
public record DeleteTxn(String path) implements Txn {
}
