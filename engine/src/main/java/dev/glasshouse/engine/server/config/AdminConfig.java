package dev.glasshouse.engine.server.config;

import java.util.OptionalInt;

/**
 * The operations endpoints of a member: ZooKeeper's AdminServer and the Prometheus metrics page.
 *
 * @param enabled     {@code admin.enableServer}
 * @param address     {@code admin.serverAddress}
 * @param port        {@code admin.serverPort}; 0 asks the OS for a free one (tests)
 * @param commandUrl  {@code admin.commandURL}, the path prefix of the commands
 * @param metricsPort {@code metricsProvider.httpPort}, present when a metrics provider is configured
 * @param metricsHost {@code metricsProvider.httpHost}
 */
public record AdminConfig(boolean enabled, String address, int port, String commandUrl, OptionalInt metricsPort,
                          String metricsHost) {

    /** ZooKeeper's defaults: AdminServer on 8080 of every interface, no metrics page. */
    public static final AdminConfig DEFAULTS = new AdminConfig(true, "0.0.0.0", 8080, "/commands", OptionalInt.empty(),
            "0.0.0.0");

    /** Nothing listening: what embedded members and most tests want. */
    public static final AdminConfig DISABLED = new AdminConfig(false, "127.0.0.1", 0, "/commands",
            OptionalInt.empty(), "127.0.0.1");

    /** AdminServer and metrics on free loopback ports, for tests of the operations surface. */
    public static AdminConfig loopbackEphemeral() {
        return new AdminConfig(true, "127.0.0.1", 0, "/commands", OptionalInt.of(0), "127.0.0.1");
    }
}
