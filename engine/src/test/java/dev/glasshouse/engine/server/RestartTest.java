package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.config.PersistenceConfig;
import dev.glasshouse.engine.server.config.ServerConfig;
import dev.glasshouse.engine.testing.LoopbackPorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member restarted on its data directory keeps its tree, its sessions and their ephemerals, and
 * its sequence counters; snapshots are taken and purged; the dump commands read what it wrote.
 * Real files, in-process server, the official client.
 */
@Timeout(60)
class RestartTest {
    @TempDir
    Path dataDir;

    private ServerConfig config(int port, PersistenceConfig persistence) {
        ServerConfig c = ServerConfig.defaults(dataDir, port).withTickTime(200);
        return new ServerConfig(c.tickTimeMillis(), c.dataDir(), c.dataLogDir(), c.clientPort(),
                Optional.of("127.0.0.1"), c.maxClientCnxns(), c.minSessionTimeoutMillis(), c.maxSessionTimeoutMillis(),
                c.fourLetterWords(), c.extendedTypesEnabled(), c.maxFrameBytes(), c.globalOutstandingLimit(),
                c.containerCheckIntervalMillis(), c.containerMaxPerMinute(), c.superDigest(), c.myId(), persistence,
                c.admin(), c.enforceQuota());
    }

    private static PersistenceConfig small() {
        return PersistenceConfig.DEFAULTS.withSnapCount(20_000);
    }

    private static ZooKeeper connect(int port, int timeoutMillis) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, timeoutMillis, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        return zk;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void treeSessionsEphemeralsAndSequenceCountersSurviveARestart() throws Exception {
        int port = LoopbackPorts.one();
        ZooKeeper owner;
        long sessionId;
        try (StandaloneServer server = StandaloneServer.start(config(port, small()))) {
            owner = connect(port, 4000);
            sessionId = owner.getSessionId();
            owner.create("/app", "v1".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            owner.create("/app/job-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            owner.create("/app/lock", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            owner.setData("/app", "v2".getBytes(StandardCharsets.UTF_8), 0);
        }
        try (StandaloneServer server = StandaloneServer.start(config(port, small()))) {
            // The owner's client reconnects by itself with its session id and password.
            await(() -> owner.getState() == ZooKeeper.States.CONNECTED, "the owner to reconnect");
            assertThat(owner.getSessionId()).isEqualTo(sessionId);
            ZooKeeper other = connect(port, 4000);
            assertThat(new String(other.getData("/app", false, null), StandardCharsets.UTF_8)).isEqualTo("v2");
            assertThat(other.exists("/app/lock", false).getEphemeralOwner()).isEqualTo(sessionId);
            assertThat(other.create("/app/job-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL)).isEqualTo("/app/job-0000000002");
            owner.close();
            assertThat(other.exists("/app/lock", false)).isNull();
            other.close();
        }
    }

    @Test
    void ephemeralsOfASessionThatNeverComesBackExpireAfterTheRestart() throws Exception {
        int port = LoopbackPorts.one();
        StandaloneServer first = StandaloneServer.start(config(port, small()));
        ZooKeeper owner = connect(port, 1000);
        owner.create("/gone", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        first.close();
        owner.close(500);
        try (StandaloneServer server = StandaloneServer.start(config(port, small()))) {
            ZooKeeper other = connect(port, 4000);
            assertThat(other.exists("/gone", false)).as("ephemeral right after the restart").isNotNull();
            await(() -> {
                try {
                    return other.exists("/gone", false) == null;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, "the recovered session to expire");
            other.close();
        }
    }

    @Test
    void snapshotsAreTakenPurgedAndDumped() throws Exception {
        int port = LoopbackPorts.one();
        PersistenceConfig frequent = PersistenceConfig.DEFAULTS.withSnapCount(20);
        try (StandaloneServer server = StandaloneServer.start(config(port, frequent))) {
            ZooKeeper zk = connect(port, 4000);
            for (int i = 0; i < 150; i++) {
                zk.create("/n" + i, new byte[] {(byte) i}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            zk.close();
            await(() -> snapshots().size() >= 4, "snapshots");
        }
        assertThat(Main.run(new String[] {"purge", dataDir.toString(), "-n", "3"}, quiet(), quiet())).isZero();
        assertThat(snapshots()).hasSize(3);
        try (StandaloneServer server = StandaloneServer.start(config(port, frequent))) {
            ZooKeeper zk = connect(port, 4000);
            assertThat(zk.getChildren("/", false)).hasSize(151);
            zk.close();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"log", "dump", dataDir.toString()}, new PrintStream(log, true,
                StandardCharsets.UTF_8), quiet())).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("create path=/n149 dataLength=1")
                .contains("end: clean");
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"snapshot", "dump", snapshots().get(0).toString(), "--json"},
                new PrintStream(snapshot, true, StandardCharsets.UTF_8), quiet())).isZero();
        assertThat(snapshot.toString(StandardCharsets.UTF_8)).contains("\"path\" : \"/zookeeper/quota\"");
    }

    private List<Path> snapshots() {
        try (Stream<Path> files = Files.list(dataDir.resolve(StandaloneServer.VERSION_DIR))) {
            return files.filter(file -> file.getFileName().toString().matches("snapshot\\.[0-9a-f]+")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
