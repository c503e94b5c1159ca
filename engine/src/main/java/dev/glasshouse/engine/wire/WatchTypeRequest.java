package dev.glasshouse.engine.wire;

/** checkWatches and removeWatches: a path and a {@link WatcherType} code. */
public record WatchTypeRequest(String path, int type) implements RequestBody {
    public static WatchTypeRequest read(JuteInput in) {
        return new WatchTypeRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeInt(type);
    }
}
