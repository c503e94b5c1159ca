package dev.glasshouse.engine.client;

import java.nio.file.Path;

/** {@link ClientOperationsContract} against our own standalone server. */
class GlasshouseClientOperationsTest extends ClientOperationsContract {
    @Override
    ZooKeeperEndpoint startEndpoint(Path dataDir) {
        return TestEndpoints.glasshouse(dataDir);
    }
}
