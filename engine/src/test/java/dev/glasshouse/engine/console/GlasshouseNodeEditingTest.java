package dev.glasshouse.engine.console;

import dev.glasshouse.engine.testing.ZooKeeperServers;
import java.nio.file.Path;

class GlasshouseNodeEditingTest extends NodeEditingContract {
    @Override
    ZooKeeperServers.Running start(Path dataDir) {
        return ZooKeeperServers.glasshouse(dataDir, 500);
    }
}
