package dev.glasshouse.engine.client;

import java.nio.file.Path;

/** {@link ClientWatchContract} against our own standalone server. */
class GlasshouseClientWatchTest extends ClientWatchContract {
    @Override
    ZooKeeperEndpoint startEndpoint(Path dataDir) {
        return TestEndpoints.glasshouse(dataDir);
    }
}
