package dev.glasshouse.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.LocalEnsemble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five member JVMs lose one follower, then a second ({@code kill -9}): three of five are still a
 * quorum, so writes go on without an election. Both come back and catch up.
 */
class FollowerLossIT {
    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(150)
    void fiveMembersKeepServingWithTwoFollowersKilledAndLoseNothing() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 5)) {
            AckedWrites writes = new AckedWrites("/acked");
            int leader = LeaderFailoverIT.leader(ensemble);
            List<Integer> followers = ensemble.memberIds().stream()
                    .filter(id -> ensemble.mode(id).filter("follower"::equals).isPresent()).toList();
            assertThat(followers).hasSize(4);
            try (ZooKeeper zk = Clients.connect(ensemble.connectString(), 6_000, null)) {
                writes.createParent(zk);
                writes.write(zk, 50, Duration.ofSeconds(30));

                ensemble.kill(followers.get(0));
                writes.write(zk, 50, Duration.ofSeconds(30));

                ensemble.kill(followers.get(1));
                writes.write(zk, 50, Duration.ofSeconds(30));
                assertThat(ensemble.leaderId()).as("the leader keeps its quorum of 3").hasValue(leader);
            }
            ensemble.restart(followers.get(0));
            ensemble.restart(followers.get(1));

            assertThat(writes.count()).isEqualTo(150);
            writes.assertOnEveryMember(ensemble);
        }
    }
}
