package dev.glasshouse.engine.wire;

/** sasl: one opaque token of a SASL exchange. */
public record TokenRequest(byte[] token) implements RequestBody {
    public static TokenRequest read(JuteInput in) {
        return new TokenRequest(in.readBuffer());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeBuffer(token);
    }
}
