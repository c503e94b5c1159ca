package dev.glasshouse.samples.lock;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link LockRecipeTest} against the Apache ZooKeeper server. */
class LockRecipeOnZooKeeperTest extends LockRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
