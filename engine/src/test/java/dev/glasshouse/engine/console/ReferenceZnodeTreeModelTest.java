package dev.glasshouse.engine.console;

import dev.glasshouse.engine.testing.ZooKeeperServers;
import java.nio.file.Path;

class ReferenceZnodeTreeModelTest extends ZnodeTreeModelContract {
    @Override
    ZooKeeperServers.Running start(Path dataDir) throws Exception {
        return ZooKeeperServers.reference(dataDir, 500);
    }
}
