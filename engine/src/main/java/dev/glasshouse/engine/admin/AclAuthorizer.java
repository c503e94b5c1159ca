package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.request.Authenticator;
import dev.glasshouse.engine.tree.AclCheck;
import dev.glasshouse.engine.tree.Znode;
import dev.glasshouse.engine.wire.Id;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * ZooKeeper's AdminServer authentication: the HTTP header {@code Authorization: <scheme> <authdata>}
 * (e.g. {@code digest root:secret}) must prove identities that hold the required permissions in
 * the ACL of a znode, {@code /} for snapshot and restore. Thread-safe.
 */
final class AclAuthorizer {
    private final Authenticator authenticator;
    private final MemberInspector inspector;

    AclAuthorizer(Authenticator authenticator, MemberInspector inspector) {
        this.authenticator = authenticator;
        this.inspector = inspector;
    }

    /** Empty when allowed; otherwise the failure ZooKeeper answers with. */
    CompletableFuture<Optional<CommandResult>> check(Optional<String> authorization, int perms, String path) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return done(CommandResult.failed("Auth info is missing for the command", 401));
        }
        String header = authorization.get().strip();
        int space = header.indexOf(' ');
        if (space <= 0) {
            return done(CommandResult.failed("Not authenticated", 401));
        }
        Optional<List<Id>> identities = authenticator.authenticate(header.substring(0, space),
                header.substring(space + 1).getBytes(StandardCharsets.UTF_8));
        if (identities.isEmpty() || identities.get().isEmpty()) {
            return done(CommandResult.failed("Not authenticated", 401));
        }
        List<Id> ids = identities.get();
        return inspector.inspect(pipeline -> pipeline.tree().node(path).map(Znode::acl)
                        .map(acl -> AclCheck.allows(acl, perms, ids)).orElse(false))
                .thenApply(allowed -> allowed ? Optional.empty()
                        : Optional.of(CommandResult.failed("Not authorized", 403)));
    }

    private static CompletableFuture<Optional<CommandResult>> done(CommandResult failure) {
        return CompletableFuture.completedFuture(Optional.of(failure));
    }
}
