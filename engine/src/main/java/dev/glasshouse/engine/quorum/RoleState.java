package dev.glasshouse.engine.quorum;

/**
 * The state a {@link Replica} keeps for its current role: {@link Looking} while electing, a
 * {@link Decided} role afterwards. Each implementation holds only its own role's state.
 */
sealed interface RoleState permits Looking, Decided {
    Role role();
}
