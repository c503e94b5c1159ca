package dev.glasshouse.engine.testing;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Starts the two servers every compatibility-minded test runs against, in process on loopback:
 * Glasshouse, and Apache ZooKeeper 3.9.4 as the reference. Each returns a handle with its connect
 * string that stops the server when closed.
 */
public final class ZooKeeperServers {
    /** A running server, known by its connect string. */
    public interface Running extends AutoCloseable {
        String connectString();

        @Override
        void close();
    }

    private ZooKeeperServers() {
    }

    public static Running glasshouse(Path dataDir, int tickMillis) {
        StandaloneServer server = StandaloneServer.start(ServerConfig.defaults(dataDir, 0).withTickTime(tickMillis)
                .withExtendedTypes(true));
        return new Running() {
            @Override
            public String connectString() {
                return "127.0.0.1:" + server.clientPort();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    public static Running reference(Path dataDir, int tickMillis) throws IOException, InterruptedException {
        // ZooKeeper reads its super digest and enforceQuota once per JVM: set them the same way everywhere.
        dev.glasshouse.engine.compat.ReferenceServerProperties.apply();
        ZooKeeperServer server = new ZooKeeperServer(dataDir.resolve("snap").toFile(),
                dataDir.resolve("log").toFile(), tickMillis);
        ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 200);
        factory.startup(server);
        return new Running() {
            @Override
            public String connectString() {
                return "127.0.0.1:" + factory.getLocalPort();
            }

            @Override
            public void close() {
                factory.shutdown();
                server.shutdown();
            }
        };
    }
}
