package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Id;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Validates and expands the ACL of a create or setACL as ZooKeeper's {@code fixupACL} does:
 * duplicates are dropped, an empty list is invalid, {@code world} must be {@code anyone},
 * {@code auth} expands to the session's digest identities (invalid when it has none), and every
 * other scheme must be one the server knows with a well-formed id.
 */
final class AclFixup {
    private final Authenticator authenticator;

    AclFixup(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    List<Acl> fixup(List<Acl> requested, List<Id> identities) throws Rejection {
        List<Acl> unique = new ArrayList<>(new LinkedHashSet<>(requested));
        if (unique.isEmpty()) {
            throw new Rejection(ErrorCode.INVALID_ACL);
        }
        List<Acl> result = new ArrayList<>();
        for (Acl acl : unique) {
            Id id = acl.id();
            if (id == null || id.scheme() == null || id.id() == null) {
                throw new Rejection(ErrorCode.INVALID_ACL);
            }
            if (id.scheme().equals("world") && id.id().equals("anyone")) {
                result.add(acl);
            } else if (id.scheme().equals("auth")) {
                result.addAll(expandAuth(acl.perms(), identities));
            } else if (authenticator.isValidId(id.scheme(), id.id())) {
                result.add(acl);
            } else {
                throw new Rejection(ErrorCode.INVALID_ACL);
            }
        }
        return List.copyOf(result);
    }

    private static List<Acl> expandAuth(int perms, List<Id> identities) throws Rejection {
        List<Acl> expanded = new ArrayList<>();
        for (Id identity : identities) {
            // Only identities proven by credentials count; an ip id is a property of the connection.
            if (identity.scheme().equals("digest")) {
                expanded.add(new Acl(perms, identity));
            }
        }
        if (expanded.isEmpty()) {
            throw new Rejection(ErrorCode.INVALID_ACL);
        }
        return expanded;
    }
}
