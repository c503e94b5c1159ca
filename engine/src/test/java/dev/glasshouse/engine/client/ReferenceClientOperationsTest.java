package dev.glasshouse.engine.client;

import java.nio.file.Path;

/** {@link ClientOperationsContract} against the in-process Apache ZooKeeper 3.9 server. */
class ReferenceClientOperationsTest extends ClientOperationsContract {
    @Override
    ZooKeeperEndpoint startEndpoint(Path dataDir) {
        return TestEndpoints.reference(dataDir);
    }
}
