package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class StandaloneServerSmokeTest {
    @TempDir
    Path dataDir;

    private StandaloneServer server;
    private ZooKeeper zk;

    @BeforeEach
    void start() throws Exception {
        server = StandaloneServer.start(ServerConfig.defaults(dataDir, 0).withTickTime(200));
        CountDownLatch connected = new CountDownLatch(1);
        zk = new ZooKeeper("127.0.0.1:" + server.clientPort(), 4000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        zk.close();
        server.close();
    }

    @Test
    void officialClientCreatesReadsAndWatches() throws Exception {
        assertThat(zk.create("/a", "hello".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT)).isEqualTo("/a");
        BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
        Stat stat = new Stat();
        byte[] data = zk.getData("/a", events::add, stat);
        assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(stat.getVersion()).isZero();

        zk.setData("/a", "world".getBytes(StandardCharsets.UTF_8), 0);
        WatchedEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event.getType()).isEqualTo(Watcher.Event.EventType.NodeDataChanged);
        assertThat(event.getPath()).isEqualTo("/a");

        String first = zk.create("/a/q-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        assertThat(first).isEqualTo("/a/q-0000000000");
        assertThat(zk.getChildren("/a", false)).isEqualTo(List.of("q-0000000000"));
        assertThatThrownBy(() -> zk.delete("/a", -1)).isInstanceOf(KeeperException.NotEmptyException.class);
        assertThatThrownBy(() -> zk.setData("/a", new byte[0], 7)).isInstanceOf(KeeperException.BadVersionException.class);
        assertThat(zk.getChildren("/", false)).contains("a", "zookeeper");
    }
}
