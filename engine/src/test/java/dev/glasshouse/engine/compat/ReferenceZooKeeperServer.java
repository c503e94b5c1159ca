package dev.glasshouse.engine.compat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ContainerManager;
import org.apache.zookeeper.server.RequestProcessor;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * The Apache ZooKeeper 3.9.4 standalone server, started in-process as the reference behaviour.
 * Like {@code ZooKeeperServerMain}, it runs a {@link ContainerManager} next to the server, so
 * empty containers and expired TTL nodes are reaped.
 */
final class ReferenceZooKeeperServer implements TargetServer {

    static {
        // ZooKeeper reads these once, when its classes initialise, so they must be set before
        // any server class loads. They are the reference's equivalents of the Glasshouse settings.
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        System.setProperty("znode.container.checkIntervalMs", String.valueOf(CONTAINER_CHECK_MILLIS));
        System.setProperty("zookeeper.admin.enableServer", "false");
        System.setProperty("zookeeper.forceSync", "no");
        System.setProperty("zookeeper.jmx.log4j.disable", "true");
        ReferenceServerProperties.apply();
    }

    private final ExposedServer server;
    private final ServerCnxnFactory connections;
    private final ContainerManager containers;

    private ReferenceZooKeeperServer(ExposedServer server, ServerCnxnFactory connections,
                                     ContainerManager containers) {
        this.server = server;
        this.connections = connections;
        this.containers = containers;
    }

    /**
     * Starts a server whose snapshots and logs live in {@code dataDir}; returns once it accepts clients.
     * Empty containers and expired TTL nodes are looked for every {@code containerCheckMillis}.
     */
    static ReferenceZooKeeperServer start(Path dataDir, long containerCheckMillis) {
        try {
            File dir = dataDir.toFile();
            var server = new ExposedServer(dir, TICK_MILLIS);
            var connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 1000);
            connections.startup(server);
            var containers = new ContainerManager(server.getZKDatabase(), server.firstProcessor(),
                    (int) containerCheckMillis, 10_000);
            containers.start();
            return new ReferenceZooKeeperServer(server, connections, containers);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the reference ZooKeeper server in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the reference ZooKeeper server", e);
        }
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + clientPort();
    }

    @Override
    public int clientPort() {
        return connections.getLocalPort();
    }

    @Override
    public void close() {
        containers.stop();
        connections.shutdown();
        server.shutdown();
    }

    /** Opens the protected first request processor, which the container manager submits deletes to. */
    private static final class ExposedServer extends ZooKeeperServer {

        ExposedServer(File dir, int tickMillis) throws IOException {
            super(dir, dir, tickMillis);
        }

        RequestProcessor firstProcessor() {
            return firstProcessor;
        }
    }
}
