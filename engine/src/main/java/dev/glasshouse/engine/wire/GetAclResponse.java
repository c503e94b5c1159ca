package dev.glasshouse.engine.wire;

import java.util.List;

/** getACL: the ACL and the node's Stat. */
public record GetAclResponse(List<Acl> acl, Stat stat) implements ResponseBody {
    public static GetAclResponse read(JuteInput in) {
        return new GetAclResponse(Acl.readList(in), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        Acl.writeList(out, acl);
        stat.write(out);
    }
}
