package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three member JVMs: acknowledged writes, {@code kill -9} of the leader, a new leader, more writes,
 * the killed member back, and every acknowledged write on every member.
 */
class LeaderFailoverIT {
    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(120)
    void noAcknowledgedWriteIsLostWhenTheLeaderIsKilled() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 3)) {
            AckedWrites writes = new AckedWrites("/acked");
            int oldLeader = leader(ensemble);
            try (ZooKeeper zk = Clients.connect(ensemble.connectString(), 6_000, null)) {
                writes.createParent(zk);
                writes.write(zk, 100, Duration.ofSeconds(30));

                ensemble.kill(oldLeader);
                Clients.await(() -> ensemble.leaderId().isPresent(), "a new leader after killing " + oldLeader);
                int newLeader = ensemble.leaderId().getAsInt();
                assertThat(newLeader).isNotEqualTo(oldLeader);

                writes.write(zk, 100, Duration.ofSeconds(30));
            }
            ensemble.restart(oldLeader);
            assertThat(ensemble.mode(oldLeader)).contains("follower");

            assertThat(writes.count()).isEqualTo(200);
            writes.assertOnEveryMember(ensemble);
        }
    }

    /** Waits until every member serves (start returns at a quorum) and returns the leader. */
    static int leader(LocalEnsemble ensemble) throws IOException, InterruptedException {
        ensemble.awaitAllServing(Duration.ofSeconds(60));
        Clients.await(() -> ensemble.leaderId().isPresent(), "a leader");
        OptionalInt leader = ensemble.leaderId();
        assertThat(leader).isPresent();
        return leader.getAsInt();
    }
}
