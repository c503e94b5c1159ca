package dev.glasshouse.engine.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code glasshouse-engine ensemble --servers 3 [--observers 0] [--snap-count N] --dir DIR}: starts a
 * {@link LocalEnsemble} under DIR, prints its connect string and hands stdin to an
 * {@link EnsembleShell}. Members are stopped when the shell quits, at end of input, and by a shutdown
 * hook when this process is interrupted or terminated. Stateless.
 */
final class EnsembleCommand {
    static final String USAGE = "       glasshouse-engine ensemble --servers 3 [--observers 0] [--snap-count N] --dir DIR"
            + "  run a local ensemble (servers = voters), one JVM per member, snapshotting every N or so"
            + " transactions (default 100000); then type status, kill N, restart N, stop N, leader, quit";

    /** The parsed command line. */
    record Options(int servers, int observers, Path dir, OptionalInt snapCount) {
        static Options parse(List<String> args) {
            int servers = 3;
            int observers = 0;
            OptionalInt snapCount = OptionalInt.empty();
            Path dir = null;
            for (int i = 0; i < args.size(); i += 2) {
                String flag = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args.get(i + 1);
                switch (flag) {
                    case "--servers" -> servers = count(flag, value);
                    case "--observers" -> observers = count(flag, value);
                    case "--dir" -> dir = Path.of(value);
                    case "--snap-count" -> snapCount = OptionalInt.of(count(flag, value));
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir DIR is required: members keep their data there");
            }
            if (servers < 1 || servers + observers > 255) {
                throw new IllegalArgumentException("--servers must be 1 or more and servers plus observers at most"
                        + " 255");
            }
            if (snapCount.isPresent() && snapCount.getAsInt() < 2) {
                throw new IllegalArgumentException("--snap-count must be 2 or more");
            }
            return new Options(servers, observers, dir, snapCount);
        }

        private static int count(String flag, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " takes a number, not '" + value + "'");
            }
        }
    }

    private EnsembleCommand() {
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("glasshouse-engine ensemble: " + e.getMessage() + ".\nUsage:\n" + USAGE);
            return 2;
        }
        out.println("Starting " + options.servers() + " voters and " + options.observers() + " observers under "
                + options.dir().toAbsolutePath() + " ...");
        LocalEnsemble ensemble;
        try {
            ensemble = LocalEnsemble.start(options.dir(), options.servers(), options.observers(), options.snapCount());
        } catch (IOException | RuntimeException e) {
            err.println("glasshouse-engine ensemble: could not start: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(ensemble::close, "ensemble-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Ensemble serving. Connect string: " + ensemble.connectString());
        out.println("Member logs: " + options.dir().toAbsolutePath() + "/member-N/member.log");
        out.println(EnsembleShell.HELP);
        try {
            new EnsembleShell(ensemble, out).run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            err.println("glasshouse-engine ensemble: reading commands failed (" + e.getMessage()
                    + "); every member was stopped.");
            return 1;
        } finally {
            ensemble.close();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        return 0;
    }
}
