package dev.glasshouse.engine.server;

import dev.glasshouse.engine.request.Authenticator;
import dev.glasshouse.engine.tree.AclCheck;
import dev.glasshouse.engine.tree.IpPattern;
import dev.glasshouse.engine.wire.Id;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * ZooKeeper's {@code digest} scheme: the client sends {@code user:password} in clear, the server
 * keeps {@code user:base64(sha1("user:password"))}. A digest equal to the configured super digest
 * also grants {@code super}, which bypasses every ACL. Stateless and thread-safe.
 */
public final class DigestAuthenticator implements Authenticator {
    private final Optional<String> superDigest;

    public DigestAuthenticator(Optional<String> superDigest) {
        this.superDigest = superDigest;
    }

    /** {@code user:base64(sha1(user:password))} for {@code user:password}, as zkCli's digest tools print it. */
    public static String digest(String userAndPassword) {
        int colon = userAndPassword.indexOf(':');
        String user = colon < 0 ? userAndPassword : userAndPassword.substring(0, colon);
        try {
            byte[] hash = MessageDigest.getInstance("SHA1").digest(userAndPassword.getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }

    @Override
    public Optional<List<Id>> authenticate(String scheme, byte[] credentials) {
        if (!"digest".equals(scheme) || credentials == null) {
            return Optional.empty();
        }
        // ZooKeeper accepts any digest credentials: without a colon the whole text is the user name.
        String text = new String(credentials, StandardCharsets.UTF_8);
        Id identity = new Id("digest", digest(text));
        if (superDigest.isPresent() && superDigest.get().equals(identity.id())) {
            // ZooKeeper adds super first, which is the order whoAmI reports.
            return Optional.of(List.of(AclCheck.SUPER, identity));
        }
        return Optional.of(List.of(identity));
    }

    @Override
    public boolean isValidId(String scheme, String id) {
        return switch (scheme) {
            // ZooKeeper splits without a limit, so trailing empty parts are dropped: "bob:hash:" is valid.
            case "digest" -> id.split(":").length == 2;
            case "ip" -> IpPattern.parse(id).isPresent();
            default -> false;
        };
    }
}
