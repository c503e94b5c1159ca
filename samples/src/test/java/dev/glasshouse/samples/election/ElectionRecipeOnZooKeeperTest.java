package dev.glasshouse.samples.election;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link ElectionRecipeTest} against the Apache ZooKeeper server. */
class ElectionRecipeOnZooKeeperTest extends ElectionRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
