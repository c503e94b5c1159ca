package dev.glasshouse.engine.wire;

/**
 * A znode's metadata exactly as clients see it (68 bytes on the wire, {@code pzxid} last).
 * {@code cversion} here is the client-visible value (creates plus deletes of children).
 */
public record Stat(long czxid, long mzxid, long ctime, long mtime, int version, int cversion, int aversion,
                   long ephemeralOwner, int dataLength, int numChildren, long pzxid) {

    public static final int WIRE_BYTES = 68;

    public static Stat read(JuteInput in) {
        return new Stat(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt(),
                in.readInt(), in.readLong(), in.readInt(), in.readInt(), in.readLong());
    }

    public void write(JuteOutput out) {
        out.writeLong(czxid).writeLong(mzxid).writeLong(ctime).writeLong(mtime).writeInt(version)
                .writeInt(cversion).writeInt(aversion).writeLong(ephemeralOwner).writeInt(dataLength)
                .writeInt(numChildren).writeLong(pzxid);
    }
}
