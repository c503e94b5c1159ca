package dev.glasshouse.engine.tree;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Id;
import java.util.List;

/**
 * Decides whether a session's identities grant a permission on an ACL, as ZooKeeper's
 * {@code checkACL}: an empty ACL allows everything, {@code super} bypasses every check,
 * {@code world:anyone} matches all, {@code digest} ids match exactly and {@code ip} ids match an
 * address prefix.
 */
public final class AclCheck {
    public static final Id SUPER = new Id("super", "");

    private AclCheck() {
    }

    public static boolean allows(List<Acl> acl, int perm, List<Id> identities) {
        if (acl.isEmpty() || identities.contains(SUPER)) {
            return true;
        }
        for (Acl entry : acl) {
            if ((entry.perms() & perm) != 0 && matchesAny(entry.id(), identities)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(Id granted, List<Id> identities) {
        if (granted.scheme().equals("world") && granted.id().equals("anyone")) {
            return true;
        }
        for (Id identity : identities) {
            if (identity.scheme().equals(granted.scheme()) && matches(granted, identity.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Id granted, String identity) {
        if (granted.scheme().equals("ip")) {
            return IpPattern.parse(granted.id()).map(pattern -> pattern.matches(identity)).orElse(false);
        }
        return granted.id().equals(identity);
    }
}
