package dev.glasshouse.engine.wire;

/** check, valid only inside multi: the node must exist with this version (-1 for any). */
public record CheckVersionRequest(String path, int version) implements RequestBody {
    public static CheckVersionRequest read(JuteInput in) {
        return new CheckVersionRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeInt(version);
    }
}
