package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session outlives its leader: the client reconnects to a survivor with the same session id, its
 * ephemeral stays, and closing the session removes the ephemeral from every member.
 */
class SessionFailoverIT {
    private static final int SESSION_TIMEOUT_MILLIS = 10_000;

    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(120)
    void sessionAndItsEphemeralSurviveLeaderKillAndVanishEverywhereOnClose() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 3)) {
            int leader = LeaderFailoverIT.leader(ensemble);
            List<KeeperState> states = new CopyOnWriteArrayList<>();
            // The client sits on the leader first, then fails over to the others in order.
            List<Integer> leaderFirst = Stream.concat(Stream.of(leader),
                    ensemble.memberIds().stream().filter(id -> id != leader)).map(ensemble::clientPort).toList();
            ZooKeeper zk = Clients.connectInOrder(leaderFirst, SESSION_TIMEOUT_MILLIS, states);
            long sessionId = zk.getSessionId();
            zk.create("/owner", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            states.clear();

            ensemble.kill(leader);
            Clients.await(() -> ensemble.leaderId().isPresent(), "a new leader");
            Clients.await(() -> states.contains(KeeperState.Disconnected), "the client to notice");
            Clients.await(() -> states.lastIndexOf(KeeperState.SyncConnected)
                    > states.lastIndexOf(KeeperState.Disconnected), "the client to reconnect");

            assertThat(states).as("connection states after the kill").doesNotContain(KeeperState.Expired);
            assertThat(zk.getSessionId()).isEqualTo(sessionId);
            Clients.sync(zk);
            assertThat(zk.exists("/owner", false)).as("the ephemeral after failover").isNotNull();
            assertThat(zk.exists("/owner", false).getEphemeralOwner()).isEqualTo(sessionId);

            ensemble.restart(leader);
            zk.close();
            for (int id : ensemble.memberIds()) {
                try (ZooKeeper reader = Clients.connect(ensemble.connectString(id), 10_000, null)) {
                    Clients.sync(reader);
                    assertThat(reader.exists("/owner", false)).as("the ephemeral on member %d after close", id)
                            .isNull();
                }
            }
        }
    }
}
