package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo ensemble the consoles start: real member JVMs on loopback, killed with SIGKILL. */
@Timeout(90)
class LocalEnsembleTest {
    @TempDir
    Path dir;

    @Test
    void startsAMemberProcessThatServesKillsItAndRestartsIt() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 1)) {
            assertThat(ensemble.connectString()).matches("127\\.0\\.0\\.1:\\d+");
            try (ZkClient client = ZkClient.connect(ensemble.connectString(), 10_000)) {
                client.connected().get(20, TimeUnit.SECONDS);
                assertThat(client.create("/demo", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                        .get(10, TimeUnit.SECONDS).path()).isEqualTo("/demo");
            }
            ensemble.kill(0);
            assertThat(ensemble.isRunning(0)).isFalse();

            ensemble.restart(0);
            assertThat(ensemble.isRunning(0)).isTrue();
            try (ZkClient client = ZkClient.connect(ensemble.connectString(), 10_000)) {
                client.connected().get(20, TimeUnit.SECONDS);
                assertThat(client.getChildren("/").get(10, TimeUnit.SECONDS)).contains("zookeeper");
            }
        }
    }
}
