package dev.glasshouse.engine.compat;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Glasshouse standalone member configured like {@link ReferenceZooKeeperServer}: the same tick,
 * TTL nodes enabled, a short container check interval, and the super digest and quota enforcement
 * of {@link ReferenceServerProperties}.
 */
final class GlasshouseTestServer implements TargetServer {

    private final StandaloneServer server;

    private GlasshouseTestServer(StandaloneServer server) {
        this.server = server;
    }

    /** Starts a member whose data lives in {@code dataDir}; returns once its client port is bound. */
    static GlasshouseTestServer start(Path dataDir, long containerCheckMillis) {
        return new GlasshouseTestServer(StandaloneServer.start(config(dataDir, 0, containerCheckMillis)));
    }

    /** The configuration every Glasshouse target runs with, on {@code clientPort} (0 for any). */
    static ServerConfig config(Path dataDir, int clientPort, long containerCheckMillis) {
        ServerConfig tuned = ServerConfig.defaults(dataDir, clientPort)
                .withTickTime(TICK_MILLIS)
                .withExtendedTypes(true)
                .withContainerCheckInterval(containerCheckMillis);
        return onLoopback(tuned);
    }

    /** Tests listen on loopback only, so a test run never opens a port to the network. */
    private static ServerConfig onLoopback(ServerConfig c) {
        return new ServerConfig(c.tickTimeMillis(), c.dataDir(), c.dataLogDir(), c.clientPort(),
                Optional.of("127.0.0.1"), c.maxClientCnxns(), c.minSessionTimeoutMillis(),
                c.maxSessionTimeoutMillis(), c.fourLetterWords(), c.extendedTypesEnabled(), c.maxFrameBytes(),
                c.globalOutstandingLimit(), c.containerCheckIntervalMillis(), c.containerMaxPerMinute(),
                Optional.of(ReferenceServerProperties.SUPER_DIGEST)).withEnforceQuota(true);
    }

    @Override
    public String name() {
        return "glasshouse";
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + clientPort();
    }

    @Override
    public int clientPort() {
        return server.clientPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
