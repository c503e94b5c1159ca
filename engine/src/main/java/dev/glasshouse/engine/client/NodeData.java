package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Stat;

/**
 * A znode's data and Stat as getData returned them. Data the server holds as null (which kazoo
 * writes for empty values) reads as an empty array. The array is the caller's to keep.
 */
public record NodeData(byte[] data, Stat stat) {
    public NodeData {
        data = data == null ? new byte[0] : data;
    }
}
