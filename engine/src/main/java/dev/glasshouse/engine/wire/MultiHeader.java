package dev.glasshouse.engine.wire;

/** Precedes each operation and each result inside multi and multiRead; {@code done} ends the list. */
public record MultiHeader(int type, boolean done, int err) {
    public static final MultiHeader END = new MultiHeader(-1, true, -1);

    public static MultiHeader read(JuteInput in) {
        return new MultiHeader(in.readInt(), in.readBool(), in.readInt());
    }

    public void write(JuteOutput out) {
        out.writeInt(type).writeBool(done).writeInt(err);
    }
}
