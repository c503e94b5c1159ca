package dev.glasshouse.engine.wire;

/**
 * The header of every server frame after the handshake. A body follows only when {@code err}
 * is 0 and the operation has one; notifications use xid -1.
 */
public record ReplyHeader(int xid, long zxid, int err) {
    public static ReplyHeader read(JuteInput in) {
        return new ReplyHeader(in.readInt(), in.readLong(), in.readInt());
    }

    public void write(JuteOutput out) {
        out.writeInt(xid).writeLong(zxid).writeInt(err);
    }
}
