package dev.glasshouse.engine.admin.api;

/**
 * The settings {@code conf} and the {@code configuration} command show, as the member applied them.
 *
 * @param serverId              the member id, 0 for a standalone member without {@code myid}
 * @param clientPortListenBacklog -1 when the operating system's default applies
 */
public record MemberConfiguration(int clientPort, String dataDir, String dataLogDir, int tickTimeMillis,
                                  int maxClientCnxns, int minSessionTimeoutMillis, int maxSessionTimeoutMillis,
                                  int serverId, int clientPortListenBacklog) {
}
