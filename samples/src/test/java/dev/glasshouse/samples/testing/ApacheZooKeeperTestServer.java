package dev.glasshouse.samples.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * An Apache ZooKeeper 3.9 standalone server in this JVM: running the same tests against it shows
 * that the recipes, not a quirk of our engine, are right.
 */
public final class ApacheZooKeeperTestServer implements TestServer {
    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    private ApacheZooKeeperTestServer(ZooKeeperServer server, ServerCnxnFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    public static ApacheZooKeeperTestServer start(Path dataDir) {
        try {
            ZooKeeperServer server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), 200);
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 1000);
            factory.startup(server);
            return new ApacheZooKeeperTestServer(server, factory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Apache ZooKeeper", e);
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + factory.getLocalPort();
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
