package dev.glasshouse.console.web.connect;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.console.ConnectionProfile;
import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.server.LocalEnsemble;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Start a local demo ensemble": Glasshouse members as child JVMs on 127.0.0.1 (started with this
 * process's class path), a few example znodes to explore, and a {@code demo} connection profile.
 * At most one per console process; stopped with the console. Thread-safe.
 */
public final class DemoEnsemble implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoEnsemble.class);

    private final Path directory;
    private final ProfileStore profiles;
    private final Executor background;
    private CompletableFuture<ConnectionProfile> started;
    private LocalEnsemble ensemble;

    public DemoEnsemble(Path directory, ProfileStore profiles, Executor background) {
        this.directory = directory;
        this.profiles = profiles;
        this.background = background;
    }

    /**
     * Starts the ensemble unless it runs already; completes with its profile, or exceptionally with
     * a {@link DemoFailedException} whose message is a user-facing sentence.
     */
    public synchronized CompletableFuture<ConnectionProfile> start() {
        if (started == null || started.isCompletedExceptionally()) {
            started = CompletableFuture.supplyAsync(this::startNow, background);
        }
        return started;
    }

    /** Starts the ensemble on the calling thread, for the launcher's {@code --demo}. */
    public void startAndWait() {
        start().join();
    }

    public synchronized Optional<String> connectString() {
        return Optional.ofNullable(ensemble).map(LocalEnsemble::connectString);
    }

    private ConnectionProfile startNow() {
        try {
            LocalEnsemble running = LocalEnsemble.start(directory, 1);
            synchronized (this) {
                ensemble = running;
            }
            seed(running.connectString());
            ConnectionProfile profile = ConnectionProfile.of(ProfileStore.DEMO, running.connectString());
            profiles.put(profile);
            log.info("Demo ensemble running connectString={} directory={}", running.connectString(), directory);
            return profile;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailedException("Starting the demo ensemble was interrupted.");
        } catch (Exception e) {
            log.warn("Demo ensemble failed to start directory={} reason=\"{}\"", directory, e.getMessage());
            throw new DemoFailedException("Starting the demo ensemble failed: " + e.getMessage()
                    + ". The members' logs are in " + directory + ".");
        }
    }

    // Example data to explore: text, JSON, binary, sequential children. Written once per data directory.
    private static void seed(String connectString) throws Exception {
        try (ZkClient client = ZkClient.connect(connectString, 10_000)) {
            client.connected().get(10, TimeUnit.SECONDS);
            if (client.exists("/demo").get(10, TimeUnit.SECONDS).isPresent()) {
                return;
            }
            create(client, "/demo", "Example znodes written by the demo ensemble.", CreateMode.PERSISTENT);
            create(client, "/demo/config", "{\"feature\":{\"darkMode\":true,\"maxUsers\":250},\"owner\":\"ops\"}",
                    CreateMode.PERSISTENT);
            create(client, "/demo/greeting", "Grüß Gott, ZooKeeper!", CreateMode.PERSISTENT);
            client.create("/demo/binary", new byte[] {0, 1, 2, 3, (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe},
                    Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get(10, TimeUnit.SECONDS);
            create(client, "/demo/queue", "", CreateMode.PERSISTENT);
            for (int i = 0; i < 3; i++) {
                create(client, "/demo/queue/job-", "job " + i, CreateMode.PERSISTENT_SEQUENTIAL);
            }
        }
    }

    private static void create(ZkClient client, String path, String text, CreateMode mode) throws Exception {
        client.create(path, text.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, mode)
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (ensemble != null) {
            ensemble.close();
            ensemble = null;
        }
    }

    /** Why the demo could not start, in words for the user. */
    public static final class DemoFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailedException(String message) {
            super(message);
        }

        public Problem problem() {
            return new Problem(getMessage(), "See the console's log for details.");
        }
    }
}
