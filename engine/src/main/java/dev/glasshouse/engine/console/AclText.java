package dev.glasshouse.engine.console;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Perms;

/**
 * One ACL entry as both consoles show it: the identity, then the permissions as zkCli's letters
 * ({@code cdrwa}) and in words, e.g. {@code world:anyone  cdrwa (create, delete, read, write, admin)}.
 */
public final class AclText {
    private static final int[] PERMS = {Perms.CREATE, Perms.DELETE, Perms.READ, Perms.WRITE, Perms.ADMIN};
    private static final String LETTERS = "cdrwa";
    private static final String[] WORDS = {"create", "delete", "read", "write", "admin"};

    private AclText() {
    }

    public static String of(Acl acl) {
        StringBuilder letters = new StringBuilder();
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < PERMS.length; i++) {
            if ((acl.perms() & PERMS[i]) != 0) {
                letters.append(LETTERS.charAt(i));
                words.append(words.length() == 0 ? "" : ", ").append(WORDS[i]);
            }
        }
        if (letters.length() == 0) {
            return acl.id() + "  (no permissions)";
        }
        return acl.id() + "  " + letters + " (" + words + ")";
    }
}
