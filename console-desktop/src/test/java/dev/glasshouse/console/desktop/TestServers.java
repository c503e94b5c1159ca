package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** The servers the console tests connect to, in process on loopback: Glasshouse and Apache ZooKeeper. */
final class TestServers {
    /** A running server; closing it stops it. */
    interface Running extends AutoCloseable {
        String connectString();

        @Override
        void close();
    }

    private TestServers() {
    }

    static Running glasshouse(Path dataDir) {
        StandaloneServer server = StandaloneServer.start(ServerConfig.defaults(dataDir, 0).withTickTime(500)
                .withExtendedTypes(true).withClientPortAddress("127.0.0.1"));
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

    static Running reference(Path dataDir) throws IOException, InterruptedException {
        ZooKeeperServer server = new ZooKeeperServer(dataDir.resolve("snap").toFile(), dataDir.resolve("log").toFile(),
                500);
        ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
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
