package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Stat;
import java.util.List;

/** getACL: the node's ACL and its Stat (whose {@code aversion} setACL expects). Immutable. */
public record AclAndStat(List<Acl> acl, Stat stat) {
    public AclAndStat {
        acl = List.copyOf(acl);
    }
}
