package dev.glasshouse.engine.wire;

/** auth (xid -4): a scheme and its credentials, e.g. {@code digest} and {@code user:password}. */
public record AuthPacket(int type, String scheme, byte[] auth) implements RequestBody {
    public static AuthPacket read(JuteInput in) {
        return new AuthPacket(in.readInt(), in.readString(), in.readBuffer());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeInt(type).writeString(scheme).writeBuffer(auth);
    }
}
