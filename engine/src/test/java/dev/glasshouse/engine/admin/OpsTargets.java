package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.AdminConfig;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.command.FourLetterCommands;

/**
 * A Glasshouse member with every four-letter word whitelisted and its AdminServer and metrics page
 * on free loopback ports, next to the in-process Apache ZooKeeper 3.9.4 reference with the same
 * whitelist. Each has one client session that owns the ephemeral {@code /a} and watches it (exists
 * and getData) and the root's children, so that every status view has something to show.
 */
final class OpsTargets implements AutoCloseable {
    static final Set<String> ALL_WORDS = FourLetterWords.KNOWN;

    final StandaloneServer glasshouse;
    final ZooKeeperServer reference;
    private final ServerCnxnFactory referenceConnections;
    final ZooKeeper glasshouseClient;
    final ZooKeeper referenceClient;

    private OpsTargets(StandaloneServer glasshouse, ZooKeeperServer reference, ServerCnxnFactory connections,
                       ZooKeeper glasshouseClient, ZooKeeper referenceClient) {
        this.glasshouse = glasshouse;
        this.reference = reference;
        this.referenceConnections = connections;
        this.glasshouseClient = glasshouseClient;
        this.referenceClient = referenceClient;
    }

    static OpsTargets start(Path dir) throws Exception {
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        System.setProperty("zookeeper.admin.enableServer", "false");
        // The reference reads the whitelist once; another test in this JVM may have read it already.
        FourLetterCommands.resetWhiteList();
        StandaloneServer glasshouse = StandaloneServer.start(ServerConfig.defaults(dir.resolve("gh"), 0)
                .withTickTime(2000).withFourLetterWords(ALL_WORDS).withAdmin(AdminConfig.loopbackEphemeral()));
        Path referenceDir = Files.createDirectories(dir.resolve("ref"));
        // ZooKeeper reads its super digest and enforceQuota once per JVM: set them the same way everywhere.
        dev.glasshouse.engine.compat.ReferenceServerProperties.apply();
        ZooKeeperServer reference = new ZooKeeperServer(referenceDir.toFile(), referenceDir.toFile(), 2000);
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
        connections.startup(reference);
        ZooKeeper glasshouseClient = connect(glasshouse.clientPort());
        ZooKeeper referenceClient = connect(connections.getLocalPort());
        for (ZooKeeper client : new ZooKeeper[] {glasshouseClient, referenceClient}) {
            client.create("/a", "x".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.EPHEMERAL);
            client.exists("/a", true);
            client.getData("/a", true, null);
            client.getChildren("/", true);
        }
        return new OpsTargets(glasshouse, reference, connections, glasshouseClient, referenceClient);
    }

    static ZooKeeper connect(int port) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper("127.0.0.1:" + port, 30_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("no session with 127.0.0.1:" + port);
        }
        return client;
    }

    int glasshousePort() {
        return glasshouse.clientPort();
    }

    int referencePort() {
        return referenceConnections.getLocalPort();
    }

    /** Sends a word on a fresh connection and reads everything until the server closes it. */
    static String send(int port, String word) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        glasshouseClient.close();
        referenceClient.close();
        glasshouse.close();
        referenceConnections.shutdown();
        reference.shutdown();
    }
}
