package dev.glasshouse.engine.wire;

import java.util.List;

/** getChildren2: child names and the parent's Stat. */
public record Children2Response(List<String> children, Stat stat) implements ResponseBody {
    public static Children2Response read(JuteInput in) {
        return new Children2Response(in.readStringVector(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringVector(children);
        stat.write(out);
    }
}
