package dev.glasshouse.samples.group;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link GroupRecipeTest} against the Apache ZooKeeper server. */
class GroupRecipeOnZooKeeperTest extends GroupRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
