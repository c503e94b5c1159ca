package dev.glasshouse.engine.compat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The servers a compatibility test can run against. {@code -Dcompat.targets=reference,glasshouse}
 * chooses which ones run; the default is the reference only, until the Glasshouse engine lands.
 */
enum Target {
    REFERENCE {
        @Override
        TargetServer start(Path dataDir, long containerCheckMillis) {
            return ReferenceZooKeeperServer.start(dataDir, containerCheckMillis);
        }
    },
    GLASSHOUSE {
        @Override
        TargetServer start(Path dataDir, long containerCheckMillis) {
            return GlasshouseTestServer.start(dataDir, containerCheckMillis);
        }
    },
    /** Three replicating Glasshouse members, clients on a follower. */
    ENSEMBLE {
        @Override
        TargetServer start(Path dataDir, long containerCheckMillis) {
            return GlasshouseEnsembleTestServer.start(dataDir, containerCheckMillis);
        }
    };

    static final String PROPERTY = "compat.targets";
    static final String DEFAULT_TARGETS = "reference,glasshouse";

    /** Starts a server of this kind keeping its data in {@code dataDir}, reaping containers and TTL nodes quickly. */
    TargetServer start(Path dataDir) {
        return start(dataDir, TargetServer.CONTAINER_CHECK_MILLIS);
    }

    /** Starts a server that looks for empty containers and expired TTL nodes every {@code containerCheckMillis}. */
    abstract TargetServer start(Path dataDir, long containerCheckMillis);

    /** Parses a comma-separated list of target names, such as {@code reference,glasshouse}. */
    static List<Target> parse(String names) {
        return Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Target.valueOf(name.toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** The targets chosen by {@value #PROPERTY}, in the order given. */
    static List<Target> enabled() {
        return parse(System.getProperty(PROPERTY, DEFAULT_TARGETS));
    }
}
