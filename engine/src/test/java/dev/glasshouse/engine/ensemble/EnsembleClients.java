package dev.glasshouse.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** Official ZooKeeper clients of an {@link InProcessEnsemble}'s members, all closed together. */
final class EnsembleClients implements AutoCloseable {
    private final List<ZooKeeper> clients = new ArrayList<>();

    /** A connected client; waits up to 30 s for the session. */
    ZooKeeper connect(String connectString, int sessionTimeoutMillis) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMillis, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        clients.add(zk);
        assertThat(connected.await(30, TimeUnit.SECONDS)).as("connected to " + connectString).isTrue();
        return zk;
    }

    ZooKeeper connectTo(InProcessEnsemble ensemble, int member) throws Exception {
        return connect("127.0.0.1:" + ensemble.clientPort(member), 10_000);
    }

    /** Keeps {@code zk} to be closed with the others. */
    ZooKeeper track(ZooKeeper zk) {
        clients.add(zk);
        return zk;
    }

    /** Syncs, then reads the node's data as text: linearizable. */
    static String syncAndRead(ZooKeeper zk, String path) throws Exception {
        CompletableFuture<Integer> synced = new CompletableFuture<>();
        zk.sync(path, (rc, p, ctx) -> synced.complete(rc), null);
        assertThat(synced.get(30, TimeUnit.SECONDS)).isZero();
        return new String(zk.getData(path, false, null), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        for (ZooKeeper client : clients) {
            client.close();
        }
        clients.clear();
    }
}
