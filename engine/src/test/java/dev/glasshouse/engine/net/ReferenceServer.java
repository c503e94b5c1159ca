package dev.glasshouse.engine.net;

import dev.glasshouse.engine.compat.ReferenceServerProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** Apache ZooKeeper 3.9.4 standalone, in process on loopback: the behaviour we must match. */
final class ReferenceServer implements AutoCloseable {

    static {
        // ZooKeeper's super digest and quota enforcement are static; every reference server shares them.
        ReferenceServerProperties.apply();
    }
    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    ReferenceServer(Path dataDir, int tickMillis) throws IOException, InterruptedException {
        server = new ZooKeeperServer(dataDir.resolve("snap").toFile(), dataDir.resolve("log").toFile(), tickMillis);
        factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
        factory.startup(server);
    }

    int port() {
        return factory.getLocalPort();
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
