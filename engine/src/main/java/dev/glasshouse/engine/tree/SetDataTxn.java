package dev.glasshouse.engine.tree;

/** Replaces a znode's data; {@code version} is the new data version. */
public record SetDataTxn(String path, byte[] data, int version) implements Txn {
}
