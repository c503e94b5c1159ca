package dev.glasshouse.engine.client;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Our own standalone server in this JVM, on a free port, configured like {@link ReferenceZooKeeper}
 * (same tick time, extended types on). The server has no fault API, so faults go through the
 * client protocol: a second connection presenting a client's session id and password makes the
 * server close the client's connection, and closing the session from that connection ends it as
 * expiry would. Used by one test class at a time, from the test thread.
 */
final class GlasshouseEndpoint implements ZooKeeperEndpoint {
    private final StandaloneServer server;

    private GlasshouseEndpoint(StandaloneServer server) {
        this.server = server;
    }

    static GlasshouseEndpoint start(Path dataDir, int tickMillis) {
        ServerConfig config = ServerConfig.defaults(dataDir, 0).withTickTime(tickMillis).withExtendedTypes(true);
        return new GlasshouseEndpoint(StandaloneServer.start(config));
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + server.clientPort();
    }

    @Override
    public boolean supportsFaults() {
        return true;
    }

    @Override
    public void dropConnection(ZkClient client) {
        SessionThief.disconnectOwner(address(), client.sessionId(), client.sessionPassword());
    }

    @Override
    public void expireSession(ZkClient client) {
        SessionThief.endSession(address(), client.sessionId(), client.sessionPassword());
    }

    @Override
    public void close() {
        server.close();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.clientPort());
    }
}
