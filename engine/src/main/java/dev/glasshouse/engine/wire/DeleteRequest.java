package dev.glasshouse.engine.wire;

/** delete: the path and the expected data version, -1 for any. */
public record DeleteRequest(String path, int version) implements RequestBody {
    public static DeleteRequest read(JuteInput in) {
        return new DeleteRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeInt(version);
    }
}
