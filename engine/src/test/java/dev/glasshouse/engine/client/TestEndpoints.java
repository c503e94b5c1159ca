package dev.glasshouse.engine.client;

import java.nio.file.Path;

/**
 * Picks the server client tests run against: the in-process reference ZooKeeper by default, or
 * any running server named by {@code -Dglasshouse.test.connectString=127.0.0.1:2181} (then only
 * the tests that need no fault injection run).
 */
final class TestEndpoints {
    static final int TICK_MILLIS = 200;

    private TestEndpoints() {
    }

    static ZooKeeperEndpoint start(Path dataDir) {
        String external = System.getProperty("glasshouse.test.connectString", "");
        if (!external.isEmpty()) {
            return () -> external;
        }
        return ReferenceZooKeeper.start(dataDir, TICK_MILLIS);
    }
}
