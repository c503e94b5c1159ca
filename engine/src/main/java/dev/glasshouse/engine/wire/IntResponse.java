package dev.glasshouse.engine.wire;

/**
 * One int: getAllChildrenNumber's total, and {@code ErrorResponse}, which addWatch returns
 * (always 0) and failed multi results carry.
 */
public record IntResponse(int value) implements ResponseBody {
    public static IntResponse read(JuteInput in) {
        return new IntResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(value);
    }
}
