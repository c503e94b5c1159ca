package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.server.LocalEnsemble;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Start a local demo ensemble": Glasshouse members as child JVMs on loopback, seeded with a few
 * znodes worth looking at (JSON configuration, binary data, a deeper subtree). Stopped when the
 * console closes, and by a shutdown hook if the console exits another way. Thread-safe.
 */
final class DemoEnsemble implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoEnsemble.class);
    private static final int MEMBERS = 1;

    private Optional<LocalEnsemble> running = Optional.empty();

    /** Starts the members (or returns the running ones) and returns the connect string; blocking. */
    synchronized String start() throws Exception {
        if (running.isPresent()) {
            return running.get().connectString();
        }
        Path dir = Files.createTempDirectory("glasshouse-demo");
        LocalEnsemble ensemble = LocalEnsemble.start(dir, MEMBERS);
        running = Optional.of(ensemble);
        Runtime.getRuntime().addShutdownHook(new Thread(ensemble::close, "demo-ensemble-stop"));
        log.info("Demo ensemble started connectString={} dir={}", ensemble.connectString(), dir);
        seed(ensemble.connectString());
        return ensemble.connectString();
    }

    private static void seed(String connectString) throws Exception {
        try (ZkClient client = ZkClient.connect(connectString, 10_000)) {
            create(client, "/app", "");
            create(client, "/app/config", "{\"featureFlags\":{\"darkMode\":true,\"beta\":false},\"replicas\":3}");
            create(client, "/app/greeting", "Hello from Glasshouse");
            create(client, "/app/workers", "");
            create(client, "/app/workers/worker-1", "idle");
            create(client, "/app/workers/worker-2", "busy");
            client.create("/app/binary", new byte[] {0, 1, 2, (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe},
                    Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get(10, TimeUnit.SECONDS);
            create(client, "/locks", "");
        }
    }

    private static void create(ZkClient client, String path, String text) throws Exception {
        client.create(path, text.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        running.ifPresent(LocalEnsemble::close);
        running = Optional.empty();
    }
}
