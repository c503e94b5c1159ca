package dev.glasshouse.engine.wire;

/** setData: new data and the expected version, -1 for any. */
public record SetDataRequest(String path, byte[] data, int version) implements RequestBody {
    public static SetDataRequest read(JuteInput in) {
        return new SetDataRequest(in.readString(), in.readBuffer(), in.readInt());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeBuffer(data).writeInt(version);
    }
}
