package dev.glasshouse.engine.server;

import dev.glasshouse.engine.quorum.Role;

/**
 * Whom an ensemble member serves after a step: its role, whether it serves clients (an established
 * leader, a synchronized learner) and whether, without a quorum, it serves read-only clients
 * ({@code readonlymode.enabled}). Immutable.
 */
record ClientService(Role role, boolean serving, boolean readOnly) {
    static final ClientService NONE = new ClientService(Role.LOOKING, false, false);

    /**
     * What the member serves now. A member that is looking serves read-only clients when
     * {@code readOnlyAllowed}: read-only mode is on and it was in sync with an ensemble since it
     * started, so it has a state to show. A failed member serves nobody.
     */
    static ClientService of(Role role, boolean replicaServing, boolean failed, boolean readOnlyAllowed) {
        boolean serving = replicaServing && !failed;
        boolean readOnly = !serving && role == Role.LOOKING && readOnlyAllowed && !failed;
        return new ClientService(role, serving, readOnly);
    }

    /** True while any client is served, read-write or read-only. */
    boolean servesClients() {
        return serving || readOnly;
    }

    /** The same role, serving nobody: the log failed. */
    ClientService stopped() {
        return new ClientService(role, false, false);
    }
}
