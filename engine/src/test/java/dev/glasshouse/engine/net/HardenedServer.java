package dev.glasshouse.engine.net;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A loopback Glasshouse server with short ticks and chosen connection limits, for hardening tests. */
final class HardenedServer {
    private HardenedServer() {
    }

    /**
     * Tick 100 ms: sessions negotiate 200..2000 ms, and a connection without a handshake is closed
     * after 1 s (half the maximum session timeout).
     */
    static StandaloneServer start(Path dir, int maxClientCnxns, int globalOutstandingLimit) {
        ServerConfig c = ServerConfig.defaults(dir, 0).withTickTime(100);
        return StandaloneServer.start(new ServerConfig(c.tickTimeMillis(), c.dataDir(), c.dataLogDir(), 0,
                Optional.of("127.0.0.1"), maxClientCnxns, c.minSessionTimeoutMillis(), c.maxSessionTimeoutMillis(),
                c.fourLetterWords(), c.extendedTypesEnabled(), c.maxFrameBytes(), globalOutstandingLimit,
                c.containerCheckIntervalMillis(), c.containerMaxPerMinute(), c.superDigest()));
    }

    /** Polls until the condition holds or the deadline passes; false on timeout. */
    static boolean eventually(BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return condition.getAsBoolean();
    }

    static int memberConnections(StandaloneServer server) {
        try {
            return server.memberConnections();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
