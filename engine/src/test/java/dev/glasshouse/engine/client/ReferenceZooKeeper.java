package dev.glasshouse.engine.client;

import dev.glasshouse.engine.compat.ReferenceServerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxn;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * An Apache ZooKeeper 3.9 standalone server in this JVM, on a free loopback port, with its data in
 * a test's temporary directory: the specification the client tests hold Glasshouse to. Extended
 * types are enabled so that TTL nodes work. Faults use the server's own session and connection
 * controls. Used by one test class at a time, from the test thread.
 */
final class ReferenceZooKeeper implements ZooKeeperEndpoint {

    static {
        // ZooKeeper's super digest and quota enforcement are static; every reference server shares them.
        ReferenceServerProperties.apply();
    }
    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    private ReferenceZooKeeper(ZooKeeperServer server, ServerCnxnFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    static ReferenceZooKeeper start(Path dataDir, int tickMillis) {
        // Read by the server on every TTL create; there is no per-server switch.
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        try {
            ZooKeeperServer server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), tickMillis);
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
            factory.startup(server);
            return new ReferenceZooKeeper(server, factory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the reference server", e);
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + factory.getLocalPort();
    }

    @Override
    public boolean supportsFaults() {
        return true;
    }

    @Override
    public void dropConnection(ZkClient client) {
        factory.closeSession(client.sessionId(), ServerCnxn.DisconnectReason.SERVER_SHUTDOWN);
    }

    @Override
    public void expireSession(ZkClient client) {
        server.expire(client.sessionId());
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
