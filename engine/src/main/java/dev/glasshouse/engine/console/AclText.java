package dev.glasshouse.engine.console;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Perms;

/**
 * Renders an ACL entry the way zkCli's {@code getAcl} does: the id as {@code scheme:id} and the
 * permissions as the letters {@code cdrwa} (create, delete, read, write, admin), e.g.
 * {@code world:anyone cdrwa}. Shared so both consoles show ACLs in the same words.
 */
public final class AclText {
    private AclText() {
    }

    public static String of(Acl acl) {
        return acl.id().scheme() + ":" + acl.id().id() + " " + permissions(acl.perms());
    }

    /** The permission letters in zkCli's order, or {@code none} when no bit is set. */
    public static String permissions(int perms) {
        StringBuilder letters = new StringBuilder();
        if ((perms & Perms.CREATE) != 0) {
            letters.append('c');
        }
        if ((perms & Perms.DELETE) != 0) {
            letters.append('d');
        }
        if ((perms & Perms.READ) != 0) {
            letters.append('r');
        }
        if ((perms & Perms.WRITE) != 0) {
            letters.append('w');
        }
        if ((perms & Perms.ADMIN) != 0) {
            letters.append('a');
        }
        return letters.isEmpty() ? "none" : letters.toString();
    }
}
