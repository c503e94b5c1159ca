package dev.glasshouse.engine.client;

import java.nio.file.Path;

/** {@link ClientSessionContract} against our own standalone server. */
class GlasshouseClientSessionTest extends ClientSessionContract {
    @Override
    ZooKeeperEndpoint startEndpoint(Path dataDir) {
        return TestEndpoints.glasshouse(dataDir);
    }
}
