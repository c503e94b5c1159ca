package dev.glasshouse.samples.config;

import dev.glasshouse.samples.testing.ApacheZooKeeperTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link ConfigRecipeTest} against the Apache ZooKeeper server. */
class ConfigRecipeOnZooKeeperTest extends ConfigRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return ApacheZooKeeperTestServer.start(dataDir);
    }
}
