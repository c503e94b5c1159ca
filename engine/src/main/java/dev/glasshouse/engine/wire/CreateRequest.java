package dev.glasshouse.engine.wire;

import java.util.List;

/**
 * create, create2, createContainer and createTTL. The TTL field exists on the wire only for
 * createTTL; for the others {@code ttlMillis} is -1.
 */
public record CreateRequest(String path, byte[] data, List<Acl> acl, int flags, long ttlMillis)
        implements RequestBody {

    public static final long NO_TTL = -1;

    public static CreateRequest read(OpCode op, JuteInput in) {
        String path = in.readString();
        byte[] data = in.readBuffer();
        List<Acl> acl = Acl.readList(in);
        int flags = in.readInt();
        long ttl = op == OpCode.CREATE_TTL ? in.readLong() : NO_TTL;
        return new CreateRequest(path, data, acl, flags, ttl);
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path).writeBuffer(data);
        Acl.writeList(out, acl);
        out.writeInt(flags);
        if (op == OpCode.CREATE_TTL) {
            out.writeLong(ttlMillis);
        }
    }
}
