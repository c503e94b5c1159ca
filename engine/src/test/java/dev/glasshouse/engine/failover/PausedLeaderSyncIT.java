package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZOOKEEPER-1675 with a real process: the leader's JVM is frozen with SIGSTOP (a long GC pause),
 * the others elect a new leader and take a write, and a client of the old leader asks for a sync
 * and a read while it is frozen. When it runs again it still believes it leads for a moment; a
 * ZooKeeper leader would answer the sync and the read from its stale state. Ours must hear from a
 * quorum before answering a sync, which it cannot, so the client never reads the old value after
 * a successful sync.
 */
class PausedLeaderSyncIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(120)
    void aPausedLeaderNeverAnswersASyncFromStaleState() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 3)) {
            int oldLeader = LeaderFailoverIT.leader(ensemble);
            ZooKeeper onOldLeader = Clients.connect(ensemble.connectString(oldLeader), 30_000, null);
            onOldLeader.create("/k", bytes("old"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            ensemble.pause(oldLeader);
            Clients.await(() -> ensemble.leaderId().isPresent() && ensemble.leaderId().getAsInt() != oldLeader,
                    "a new leader while the old one is frozen");
            List<Integer> others = ensemble.memberIds().stream().filter(id -> id != oldLeader).toList();
            try (ZooKeeper onNewQuorum = Clients.connect(String.join(",",
                    others.stream().map(ensemble::connectString).toList()), 10_000, null)) {
                onNewQuorum.setData("/k", bytes("new"), -1);
            }

            CompletableFuture<Integer> synced = new CompletableFuture<>();
            CompletableFuture<String> read = new CompletableFuture<>();
            onOldLeader.sync("/k", (rc, path, ctx) -> synced.complete(rc), null);
            onOldLeader.getData("/k", false, (rc, path, ctx, data, stat) -> read.complete(
                    rc == KeeperException.Code.OK.intValue() ? new String(data, StandardCharsets.UTF_8)
                            : KeeperException.Code.get(rc).name()), null);
            ensemble.resume(oldLeader);

            int syncResult = synced.get(60, TimeUnit.SECONDS);
            String readResult = read.get(60, TimeUnit.SECONDS);
            if (syncResult == KeeperException.Code.OK.intValue()) {
                assertThat(readResult).as("a read after a successful sync").isEqualTo("new");
            } else {
                assertThat(KeeperException.Code.get(syncResult)).isEqualTo(KeeperException.Code.CONNECTIONLOSS);
                assertThat(readResult).as("the read queued behind the failed sync").isNotEqualTo("old");
            }
            onOldLeader.close();
            ensemble.awaitAllServing(java.time.Duration.ofSeconds(60));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
