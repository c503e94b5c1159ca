package dev.glasshouse.engine.server.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A configuration the member cannot start with: an unreadable file, a missing required key or a
 * value of the wrong kind. The message is written for the operator: it names the file, the line
 * and the key, and says what a valid value looks like, so it can be printed as is.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final OptionalInt line;
    private final Optional<String> key;

    ConfigException(String source, OptionalInt line, Optional<String> key, String message) {
        super(message);
        this.source = source;
        this.line = line;
        this.key = key;
    }

    ConfigException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = OptionalInt.empty();
        this.key = Optional.empty();
    }

    /** The file (or, in tests, the source name) the bad setting came from. */
    public String source() {
        return source;
    }

    /** The 1-based line of the bad setting; empty when the whole file was unreadable. */
    public OptionalInt line() {
        return line;
    }

    /** The key whose value was rejected or missing; empty when the problem is not one key's. */
    public Optional<String> key() {
        return key;
    }
}
