package dev.glasshouse.engine.quorum;

import java.util.Arrays;

/**
 * One transaction of the replicated history: its zxid and an opaque payload that the driver
 * encodes and decodes (the request layer's {@code Transaction}, as bytes), so {@code quorum} stays
 * free of request logic. Immutable: the payload is copied in and out.
 */
public record Proposal(Zxid zxid, byte[] payload) {
    public Proposal {
        Check.state(zxid.epoch() > 0 && zxid.counter() > 0, "proposal zxid %s has no epoch or counter", zxid);
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proposal that && zxid.equals(that.zxid) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * zxid.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Proposal[" + zxid + ", " + payload.length + " bytes]";
    }
}
