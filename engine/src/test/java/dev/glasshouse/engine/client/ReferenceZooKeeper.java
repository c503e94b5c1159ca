package dev.glasshouse.engine.client;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxn;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * An Apache ZooKeeper 3.9 standalone server in this JVM, on a free loopback port, with its data in
 * a test's temporary directory. Extended types are enabled so that TTL nodes work. Used by one
 * test class at a time, from the test thread.
 */
final class ReferenceZooKeeper implements ZooKeeperEndpoint {
    private final File dataDir;
    private final int tickMillis;
    private ZooKeeperServer server;
    private ServerCnxnFactory factory;
    private int port;

    private ReferenceZooKeeper(File dataDir, int tickMillis) {
        this.dataDir = dataDir;
        this.tickMillis = tickMillis;
    }

    static ReferenceZooKeeper start(Path dataDir, int tickMillis) {
        // Read by the server on every TTL create; there is no per-server switch.
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        ReferenceZooKeeper reference = new ReferenceZooKeeper(dataDir.toFile(), tickMillis);
        reference.listen(0);
        return reference;
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public boolean supportsFaults() {
        return true;
    }

    @Override
    public void dropConnections() {
        factory.closeAll(ServerCnxn.DisconnectReason.SERVER_SHUTDOWN);
    }

    @Override
    public void expireSession(long sessionId) {
        server.expire(sessionId);
    }

    @Override
    public void stop() {
        factory.shutdown();
        server.shutdown();
    }

    @Override
    public void restart() {
        listen(port);
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            stop();
        }
    }

    private void listen(int onPort) {
        try {
            server = new ZooKeeperServer(dataDir, dataDir, tickMillis);
            factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", onPort), 100);
            factory.startup(server);
            port = factory.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the reference server", e);
        }
    }
}
