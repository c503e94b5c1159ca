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
        TargetServer start(Path dataDir) {
            return ReferenceZooKeeperServer.start(dataDir);
        }
    },
    GLASSHOUSE {
        @Override
        TargetServer start(Path dataDir) {
            return GlasshouseTestServer.start(dataDir);
        }
    };

    static final String PROPERTY = "compat.targets";
    static final String DEFAULT_TARGETS = "reference";

    /** Starts a server of this kind keeping its data in {@code dataDir}. */
    abstract TargetServer start(Path dataDir);

    /** The targets chosen by {@value #PROPERTY}, in the order given. */
    static List<Target> enabled() {
        return Arrays.stream(System.getProperty(PROPERTY, DEFAULT_TARGETS).split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Target.valueOf(name.toUpperCase(Locale.ROOT)))
                .toList();
    }
}
