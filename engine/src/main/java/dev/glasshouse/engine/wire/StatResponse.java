package dev.glasshouse.engine.wire;

/** exists, setData and setACL answer with the node's Stat alone. */
public record StatResponse(Stat stat) implements ResponseBody {
    public static StatResponse read(JuteInput in) {
        return new StatResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
