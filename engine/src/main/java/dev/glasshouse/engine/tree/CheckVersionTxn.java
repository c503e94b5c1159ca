package dev.glasshouse.engine.tree;

/** A version check inside multi that passed; it changes nothing. */
public record CheckVersionTxn(String path, int version) implements Txn {
}
