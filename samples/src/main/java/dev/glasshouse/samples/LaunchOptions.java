package dev.glasshouse.samples;

import java.time.Duration;
import java.util.Optional;

/**
 * The launcher's command line: {@code RECIPE [--participants N] [--connect HOST:PORT] [--pace MILLIS]}.
 * Without {@code --connect} the launcher starts a local Glasshouse member.
 */
record LaunchOptions(String recipe, int participants, Optional<String> connect, Duration pace) {
    static final String USAGE = "usage: RECIPE [--participants N] [--connect HOST:PORT] [--pace MILLIS]";

    static LaunchOptions parse(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("Name a recipe first. " + USAGE);
        }
        int participants = 3;
        Optional<String> connect = Optional.empty();
        Duration pace = Duration.ofMillis(600);
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value. " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--participants" -> participants = parseCount(value);
                case "--connect" -> connect = Optional.of(value);
                case "--pace" -> pace = Duration.ofMillis(Long.parseLong(value));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + ". " + USAGE);
            }
        }
        return new LaunchOptions(args[0], participants, connect, pace);
    }

    private static int parseCount(String value) {
        int count = Integer.parseInt(value);
        if (count < 1 || count > 20) {
            throw new IllegalArgumentException("--participants must be between 1 and 20, not " + value);
        }
        return count;
    }
}
