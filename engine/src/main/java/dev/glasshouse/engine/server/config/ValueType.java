package dev.glasshouse.engine.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The kinds of value a {@code zoo.cfg} key takes, each with the phrase that tells an operator what
 * a valid value looks like. Numbers are parsed as ZooKeeper parses them ({@code Integer.parseInt},
 * decimal), except {@link #FRAME_BYTES}, which Jute reads with {@code Integer.decode}.
 */
enum ValueType {
    INT("an integer", value -> parseLong(value).stream().anyMatch(ValueType::fitsInt)),
    POSITIVE_INT("a positive integer", value -> parseLong(value).stream().anyMatch(n -> fitsInt(n) && n > 0)),
    NON_NEGATIVE_INT("zero or a positive integer",
            value -> parseLong(value).stream().anyMatch(n -> fitsInt(n) && n >= 0)),
    LONG("an integer", value -> parseLong(value).isPresent()),
    POSITIVE_LONG("a positive integer", value -> parseLong(value).stream().anyMatch(n -> n > 0)),
    NON_NEGATIVE_LONG("zero or a positive integer", value -> parseLong(value).stream().anyMatch(n -> n >= 0)),
    FRAME_BYTES("a positive integer number of bytes, decimal or hex (such as 1048575 or 0xfffff)",
            value -> decodeInt(value).stream().anyMatch(n -> n > 0)),
    PORT("a port number from 0 to 65535 (0 picks a free port)",
            value -> parseLong(value).stream().anyMatch(n -> n >= 0 && n <= 65_535)),
    BOOLEAN("true, false, yes or no", value -> parseBoolean(value).isPresent()),
    PATH("a directory path", ValueType::isPath),
    USER_DIGEST("user:digest, such as super:D/InIHSb7yEEbrWz8b9l71RjZJU=",
            value -> value.indexOf(':') > 0 && value.indexOf(':') < value.length() - 1),
    PEER_TYPE("participant or observer", value -> value.equals("participant") || value.equals("observer")),
    TEXT("any text", value -> true);

    private final String expectation;
    private final Predicate<String> accepts;

    ValueType(String expectation, Predicate<String> accepts) {
        this.expectation = expectation;
        this.accepts = accepts;
    }

    /** What a valid value looks like, to finish the sentence "tickTime must be ...". */
    String expectation() {
        return expectation;
    }

    boolean accepts(String value) {
        return accepts.test(value);
    }

    /** ZooKeeper accepts yes/no as well as true/false for its boolean keys; case does not matter. */
    static Optional<Boolean> parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static OptionalLong parseLong(String value) {
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            // Not a number: the caller reports the key, the line and what a number looks like.
            return OptionalLong.empty();
        }
    }

    static OptionalLong decodeInt(String value) {
        try {
            return OptionalLong.of(Integer.decode(value));
        } catch (NumberFormatException e) {
            // Not a number: the caller reports the key, the line and what a number looks like.
            return OptionalLong.empty();
        }
    }

    private static boolean fitsInt(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    private static boolean isPath(String value) {
        if (value.isEmpty()) {
            return false;
        }
        try {
            Path.of(value);
            return true;
        } catch (InvalidPathException e) {
            // Characters the file system cannot name; reported like any other bad value.
            return false;
        }
    }
}
