package dev.glasshouse.engine.server.config;

import java.util.List;

/**
 * The outcome of reading a {@code zoo.cfg} that is good enough to start with.
 *
 * @param config   the configuration with ZooKeeper's defaults applied
 * @param warnings one operator-readable line per setting that was ignored (an unknown key, a
 *                 repeated key, an unknown four-letter word); the caller logs them at WARN
 */
public record ParsedConfig(ServerConfig config, List<String> warnings) {
    public ParsedConfig {
        warnings = List.copyOf(warnings);
    }
}
