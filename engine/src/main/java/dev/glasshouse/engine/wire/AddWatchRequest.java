package dev.glasshouse.engine.wire;

/** addWatch: a path and an {@link AddWatchMode} code. */
public record AddWatchRequest(String path, int mode) implements RequestBody {
    public static AddWatchRequest read(JuteInput in) {
        return new AddWatchRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeInt(mode);
    }
}
