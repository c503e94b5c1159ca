package dev.glasshouse.engine.wire;

import java.util.List;

/**
 * setWatches and setWatches2: the watches a reconnecting client still holds, relative to the
 * last zxid it saw. The two persistent lists exist on the wire only in setWatches2.
 */
public record SetWatchesRequest(long relativeZxid, List<String> dataWatches, List<String> existWatches,
                                List<String> childWatches, List<String> persistentWatches,
                                List<String> persistentRecursiveWatches) implements RequestBody {

    public static SetWatchesRequest read(OpCode op, JuteInput in) {
        long relativeZxid = in.readLong();
        List<String> data = in.readStringVector();
        List<String> exist = in.readStringVector();
        List<String> child = in.readStringVector();
        if (op != OpCode.SET_WATCHES2) {
            return new SetWatchesRequest(relativeZxid, data, exist, child, List.of(), List.of());
        }
        return new SetWatchesRequest(relativeZxid, data, exist, child, in.readStringVector(), in.readStringVector());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeLong(relativeZxid).writeStringVector(dataWatches).writeStringVector(existWatches)
                .writeStringVector(childWatches);
        if (op == OpCode.SET_WATCHES2) {
            out.writeStringVector(persistentWatches).writeStringVector(persistentRecursiveWatches);
        }
    }
}
