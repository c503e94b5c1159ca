package dev.glasshouse.engine.wire;

/** sync: echoes the path. */
public record PathResponse(String path) implements ResponseBody {
    public static PathResponse read(JuteInput in) {
        return new PathResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
