package dev.glasshouse.engine.wire;

import java.util.List;

/** getChildren (child names) and getEphemerals (paths): a vector of strings. */
public record ChildrenResponse(List<String> children) implements ResponseBody {
    public static ChildrenResponse read(JuteInput in) {
        return new ChildrenResponse(in.readStringVector());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringVector(children);
    }
}
