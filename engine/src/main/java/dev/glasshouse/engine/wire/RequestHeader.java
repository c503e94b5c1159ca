package dev.glasshouse.engine.wire;

/** The header of every request after the handshake: the client's xid and the operation code. */
public record RequestHeader(int xid, int type) {
    public static final int NOTIFICATION_XID = -1;
    public static final int PING_XID = -2;
    public static final int AUTH_XID = -4;
    public static final int SET_WATCHES_XID = -8;

    public static RequestHeader read(JuteInput in) {
        return new RequestHeader(in.readInt(), in.readInt());
    }

    public void write(JuteOutput out) {
        out.writeInt(xid).writeInt(type);
    }
}
