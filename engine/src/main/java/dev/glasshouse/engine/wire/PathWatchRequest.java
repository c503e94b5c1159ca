package dev.glasshouse.engine.wire;

/** exists, getData, getChildren and getChildren2: a path and whether to leave a watch. */
public record PathWatchRequest(String path, boolean watch) implements RequestBody {
    public static PathWatchRequest read(JuteInput in) {
        return new PathWatchRequest(in.readString(), in.readBool());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeBool(watch);
    }
}
