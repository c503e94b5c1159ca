package dev.glasshouse.engine.wire;

/** sasl: the server's token of a SASL exchange. */
public record TokenResponse(byte[] token) implements ResponseBody {
    public static TokenResponse read(JuteInput in) {
        return new TokenResponse(in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(token);
    }
}
