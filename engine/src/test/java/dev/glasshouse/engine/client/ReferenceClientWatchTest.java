package dev.glasshouse.engine.client;

import java.nio.file.Path;

/** {@link ClientWatchContract} against the in-process Apache ZooKeeper 3.9 server. */
class ReferenceClientWatchTest extends ClientWatchContract {
    @Override
    ZooKeeperEndpoint startEndpoint(Path dataDir) {
        return TestEndpoints.reference(dataDir);
    }
}
