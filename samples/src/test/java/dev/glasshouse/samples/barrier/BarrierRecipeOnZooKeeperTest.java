package dev.glasshouse.samples.barrier;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link BarrierRecipeTest} against the Apache ZooKeeper server. */
class BarrierRecipeOnZooKeeperTest extends BarrierRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
