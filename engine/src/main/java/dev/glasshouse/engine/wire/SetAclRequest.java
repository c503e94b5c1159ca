package dev.glasshouse.engine.wire;

import java.util.List;

/** setACL: the new ACL and the expected ACL version (aversion), -1 for any. */
public record SetAclRequest(String path, List<Acl> acl, int version) implements RequestBody {
    public static SetAclRequest read(JuteInput in) {
        return new SetAclRequest(in.readString(), Acl.readList(in), in.readInt());
    }

    @Override
    public void write(OpCode op, JuteOutput out) {
        out.writeString(path);
        Acl.writeList(out, acl);
        out.writeInt(version);
    }
}
