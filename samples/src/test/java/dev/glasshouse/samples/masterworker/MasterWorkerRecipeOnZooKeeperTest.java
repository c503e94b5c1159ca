package dev.glasshouse.samples.masterworker;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link MasterWorkerRecipeTest} against the Apache ZooKeeper server. */
class MasterWorkerRecipeOnZooKeeperTest extends MasterWorkerRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
