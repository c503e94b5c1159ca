package dev.glasshouse.engine.compat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/** Digest-scheme identities as ZooKeeper defines them: {@code user:BASE64(SHA1("user:password"))}. */
public final class Digests {

    private Digests() {
    }

    /** The id a digest ACL names for this user and password. */
    public static Id id(String user, String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1")
                    .digest((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new Id("digest", user + ":" + Base64.getEncoder().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK ships SHA-1", e);
        }
    }

    /** An ACL granting every permission to this digest user and nobody else. */
    static List<ACL> onlyFor(String user, String password) {
        // A mutable list: the client's ACL check calls contains(null), which List.of rejects.
        return new ArrayList<>(List.of(new ACL(Perms.ALL, id(user, password))));
    }

    /** The credentials {@code addAuthInfo("digest", ...)} expects. */
    static byte[] credentials(String user, String password) {
        return (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }
}
