package dev.glasshouse.console.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the desktop console was started: where it keeps its audit trail, whether to connect at once
 * (to a connect string, or to a local demo ensemble it starts), optional digest credentials and the
 * user name recorded with edits. Immutable.
 */
record ConsoleSettings(Path dataDir, Optional<String> connectString, Optional<String> digest, boolean demo,
                       String user) {

    static final String USAGE = "Usage: glasshouse-desktop [--demo] [--connect host:port[,host:port...][/chroot]]"
            + " [--digest user:password] [--data-dir DIR]";

    /** Reads the command line; an unknown option throws {@link IllegalArgumentException} with the usage. */
    static ConsoleSettings parse(List<String> args) {
        Path dataDir = Path.of(System.getProperty("user.home"), ".glasshouse", "desktop");
        Optional<String> connect = Optional.empty();
        Optional<String> digest = Optional.empty();
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo" -> demo = true;
                case "--connect" -> connect = Optional.of(value(args, ++i, arg));
                case "--digest" -> digest = Optional.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option " + arg + ". " + USAGE);
            }
        }
        return new ConsoleSettings(dataDir, connect, digest, demo, System.getProperty("user.name", "console"));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        return args.get(index);
    }
}
