package dev.glasshouse.engine.wire;

/** getACL, sync, getEphemerals (a prefix) and getAllChildrenNumber: one path string. */
public record PathRequest(String path) implements RequestBody {
    public static PathRequest read(JuteInput in) {
        return new PathRequest(in.readString());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path);
    }
}
