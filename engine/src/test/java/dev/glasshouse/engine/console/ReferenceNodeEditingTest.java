package dev.glasshouse.engine.console;

import dev.glasshouse.engine.testing.ZooKeeperServers;
import java.nio.file.Path;

/** TTL nodes on the reference need zookeeper.extendedTypesEnabled, which the build sets for every test. */
class ReferenceNodeEditingTest extends NodeEditingContract {
    @Override
    ZooKeeperServers.Running start(Path dataDir) throws Exception {
        return ZooKeeperServers.reference(dataDir, 500);
    }
}
