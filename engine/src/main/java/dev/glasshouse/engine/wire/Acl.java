package dev.glasshouse.engine.wire;

import java.util.ArrayList;
import java.util.List;

/** One ACL entry: permission bits granted to an {@link Id}. */
public record Acl(int perms, Id id) {
    /** {@code Ids.OPEN_ACL_UNSAFE}: everything for everyone. */
    public static final List<Acl> OPEN_ACL_UNSAFE = List.of(new Acl(Perms.ALL, Id.ANYONE));
    /** {@code Ids.READ_ACL_UNSAFE}: read for everyone. */
    public static final List<Acl> READ_ACL_UNSAFE = List.of(new Acl(Perms.READ, Id.ANYONE));

    public static Acl read(JuteInput in) {
        return new Acl(in.readInt(), Id.read(in));
    }

    public void write(JuteOutput out) {
        out.writeInt(perms);
        id.write(out);
    }

    /** A vector of ACLs; a null vector reads as empty, which means "no check" as in ZooKeeper. */
    public static List<Acl> readList(JuteInput in) {
        int count = in.readCount("vector<ACL>", 12);
        List<Acl> acls = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            acls.add(read(in));
        }
        return List.copyOf(acls);
    }

    public static void writeList(JuteOutput out, List<Acl> acls) {
        out.writeInt(acls.size());
        for (Acl acl : acls) {
            acl.write(out);
        }
    }
}
