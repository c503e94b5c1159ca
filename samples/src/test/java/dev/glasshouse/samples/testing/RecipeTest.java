package dev.glasshouse.samples.testing;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;

/**
 * Base of every recipe test: one server per test class (subclasses say which), a fresh root znode
 * per test, participants with their own sessions, a background pool for concurrent participants,
 * and the two ways to crash one. Everything a test opens is closed after it.
 */
@TestInstance(Lifecycle.PER_CLASS)
@Timeout(60)
public abstract class RecipeTest {
    protected static final Duration PATIENCE = Duration.ofSeconds(20);

    private Path dataDir;
    private TestServer server;
    private int testNumber;
    private final List<ZooKeeper> handles = new ArrayList<>();
    private ExecutorService background;

    protected Transcript transcript;
    /** A znode path no other test uses. */
    protected String root;

    /** Starts the server this subclass runs the recipe against. */
    protected abstract TestServer startServer(Path dataDir);

    @BeforeAll
    void startTheServer() throws IOException {
        dataDir = Files.createTempDirectory("samples-test");
        server = startServer(dataDir);
    }

    @AfterAll
    void stopTheServer() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void freshRoot() {
        testNumber++;
        root = "/test-" + testNumber;
        transcript = new Transcript();
        background = Executors.newCachedThreadPool();
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        for (ZooKeeper zk : handles) {
            zk.close();
        }
        handles.clear();
    }

    protected String connectString() {
        return server.connectString();
    }

    /** A participant with its own session, narrating into {@link #transcript}. */
    protected Participant participant(String name) throws IOException, InterruptedException, TimeoutException {
        ZooKeeper zk = Sessions.open(server.connectString());
        handles.add(zk);
        return new Participant(name, zk, transcript);
    }

    /** Crashes a participant by closing its session: the server deletes its ephemerals at once. */
    protected void crash(Participant participant) throws InterruptedException {
        participant.zk().close();
    }

    /** Crashes a participant by ending its session from another handle, as an expiry does. */
    protected void expire(Participant participant) throws IOException, InterruptedException, TimeoutException {
        Sessions.expire(participant.zk(), server.connectString());
    }

    protected <T> Future<T> inBackground(Callable<T> work) {
        return background.submit(work);
    }

    protected static Deadline deadline() {
        return Deadline.after(PATIENCE);
    }

    protected static <T> T result(Future<T> future) throws Exception {
        return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
