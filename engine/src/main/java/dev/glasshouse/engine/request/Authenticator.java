package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Id;
import java.util.List;
import java.util.Optional;

/**
 * Turns an auth packet's credentials into identities. Implemented outside the pure core because
 * hashing digests needs {@code java.security}.
 */
public interface Authenticator {
    /**
     * The identities the credentials prove, e.g. {@code digest:bob:<hash>} (plus {@code super:}
     * for the configured super user), or empty when the scheme is unknown or the credentials bad.
     */
    Optional<List<Id>> authenticate(String scheme, byte[] credentials);

    /** Whether an ACL id of this scheme is well formed ({@code digest} needs {@code user:hash}). */
    boolean isValidId(String scheme, String id);
}
