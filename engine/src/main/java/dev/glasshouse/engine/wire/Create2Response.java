package dev.glasshouse.engine.wire;

/** create2, createContainer and createTTL: the actual path and the new node's Stat. */
public record Create2Response(String path, Stat stat) implements ResponseBody {
    public static Create2Response read(JuteInput in) {
        return new Create2Response(in.readString(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        stat.write(out);
    }
}
