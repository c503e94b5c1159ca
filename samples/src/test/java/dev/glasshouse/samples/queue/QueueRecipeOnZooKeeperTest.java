package dev.glasshouse.samples.queue;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link QueueRecipeTest} against the Apache ZooKeeper server. */
class QueueRecipeOnZooKeeperTest extends QueueRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
