package dev.glasshouse.engine.client;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the servers client tests run against: the in-process reference ZooKeeper and our own
 * Glasshouse server. {@code -Dglasshouse.test.connectString=127.0.0.1:2181} replaces both with any
 * running server (then only the tests that need no fault injection run).
 */
final class TestEndpoints {
    static final int TICK_MILLIS = 200;

    private TestEndpoints() {
    }

    static ZooKeeperEndpoint reference(Path dataDir) {
        return external().orElseGet(() -> ReferenceZooKeeper.start(dataDir, TICK_MILLIS));
    }

    static ZooKeeperEndpoint glasshouse(Path dataDir) {
        return external().orElseGet(() -> GlasshouseEndpoint.start(dataDir, TICK_MILLIS));
    }

    private static Optional<ZooKeeperEndpoint> external() {
        String external = System.getProperty("glasshouse.test.connectString", "");
        if (external.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(() -> external);
    }
}
