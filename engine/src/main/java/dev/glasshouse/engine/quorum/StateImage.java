package dev.glasshouse.engine.quorum;

import java.util.Arrays;

/**
 * A member's whole applied state once the transaction at {@code zxid} was applied, as opaque bytes
 * the driver encodes and decodes (the server's snapshot of its tree and sessions). A leader sends
 * one to a learner it cannot bring up to date from its log (SNAP), because its log no longer
 * reaches back that far or the learner's history diverged. Immutable: the bytes are copied in and out.
 */
public record StateImage(Zxid zxid, byte[] data) {
    public StateImage {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The size of the image, without copying it. */
    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateImage that && zxid.equals(that.zxid) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * zxid.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "StateImage[" + zxid + ", " + data.length + " bytes]";
    }
}
