package dev.glasshouse.engine.client;

import java.nio.file.Path;

/** {@link ClientSessionContract} against the in-process Apache ZooKeeper 3.9 server. */
class ReferenceClientSessionTest extends ClientSessionContract {
    @Override
    ZooKeeperEndpoint startEndpoint(Path dataDir) {
        return TestEndpoints.reference(dataDir);
    }
}
