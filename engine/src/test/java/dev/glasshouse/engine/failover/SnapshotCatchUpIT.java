package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.persist.FileDisk;
import dev.glasshouse.engine.persist.FileSnapshotStore;
import dev.glasshouse.engine.server.LocalEnsemble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three member JVMs that snapshot every 40 or so transactions: a follower killed with
 * {@code kill -9} while the leader snapshots past it comes back with the leader's state (SNAP), and a
 * leader killed after that restarts from its own snapshot. Every acknowledged write is on every
 * member at the end.
 */
class SnapshotCatchUpIT {
    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(150)
    void aKilledFollowerCatchesUpFromTheLeadersStateAndAKilledLeaderFromItsSnapshot() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 3, 0, OptionalInt.of(40))) {
            AckedWrites writes = new AckedWrites("/acked");
            int leader = LeaderFailoverIT.leader(ensemble);
            int follower = leader == 1 ? 2 : 1;
            try (ZooKeeper zk = Clients.connect(ensemble.connectString(leader), 6_000, null)) {
                writes.createParent(zk);
                writes.write(zk, 20, Duration.ofSeconds(30));
                ensemble.kill(follower);
                writes.write(zk, 300, Duration.ofSeconds(60));
            }
            ensemble.restart(follower);
            assertThat(ensemble.mode(follower)).contains("follower");
            assertThat(Files.readString(ensemble.memberDirectory(follower).resolve("member.log")))
                    .as("the restarted follower's log").contains("Installed the leader's state");

            ensemble.kill(leader);
            Clients.await(() -> ensemble.leaderId().isPresent(), "a new leader after killing " + leader);
            try (ZooKeeper zk = Clients.connect(ensemble.connectString(ensemble.leaderId().getAsInt()), 6_000,
                    null)) {
                writes.write(zk, 100, Duration.ofSeconds(60));
            }
            assertThat(snapshots(ensemble.memberDirectory(leader))).as("snapshots of the killed leader").isPositive();
            ensemble.restart(leader);

            assertThat(writes.count()).isEqualTo(420);
            writes.assertOnEveryMember(ensemble);
        }
    }

    private static long snapshots(Path member) throws IOException {
        return new FileSnapshotStore(new FileDisk(member.resolve("data").resolve("version-2")),
                FileSnapshotStore.Compression.NONE).zxids().size();
    }
}
