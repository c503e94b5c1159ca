package dev.glasshouse.engine.server;

import dev.glasshouse.engine.persist.CorruptLogException;
import dev.glasshouse.engine.persist.FileDisk;
import dev.glasshouse.engine.persist.LogDump;
import dev.glasshouse.engine.persist.Purge;
import dev.glasshouse.engine.persist.SnapshotDump;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data-directory subcommands of the command line: {@code log dump DIR [--json]},
 * {@code snapshot dump FILE [--json]} and {@code purge DATADIR [DATALOGDIR] [-n COUNT]}. They read
 * (or, for purge, delete old) files of a stopped or running member; each returns an exit code.
 */
final class DataCommands {
    static final String USAGE = String.join(System.lineSeparator(),
            "       glasshouse-engine log dump DIR [--json]     print the transaction log in DIR (dataLogDir)",
            "       glasshouse-engine snapshot dump FILE [--json]  print a snapshot's sessions and nodes",
            "       glasshouse-engine purge DATADIR [DATALOGDIR] [-n COUNT]  keep the COUNT (default 3) newest"
                    + " snapshots and the logs they need");

    private DataCommands() {
    }

    /** Runs the subcommand {@code args} names, or returns empty when it names none of these. */
    static Optional<Integer> run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean json = words.remove("--json");
        try {
            if (words.size() == 3 && words.get(0).equals("log") && words.get(1).equals("dump")) {
                Path dir = Path.of(words.get(2)).toAbsolutePath();
                if (!Files.isDirectory(dir)) {
                    err.println("glasshouse-engine: log directory " + dir + " does not exist. Pass the dataLogDir"
                            + " (or dataDir) of a member.");
                    return Optional.of(2);
                }
                return Optional.of(LogDump.dump(new FileDisk(versionDir(dir)), json, out));
            }
            if (words.size() == 3 && words.get(0).equals("snapshot") && words.get(1).equals("dump")) {
                Path file = Path.of(words.get(2)).toAbsolutePath();
                if (!Files.isRegularFile(file)) {
                    err.println("glasshouse-engine: snapshot file " + file + " does not exist.");
                    return Optional.of(2);
                }
                SnapshotDump.dump(new FileDisk(file.getParent()), file.getFileName().toString(), json, out);
                return Optional.of(0);
            }
            if (!words.isEmpty() && words.get(0).equals("purge")) {
                return Optional.of(purge(words.subList(1, words.size()), out, err));
            }
        } catch (CorruptLogException e) {
            err.println("glasshouse-engine: " + e.getMessage());
            return Optional.of(1);
        } catch (IOException | UncheckedIOException e) {
            err.println("glasshouse-engine: cannot read the data files: " + e.getMessage());
            return Optional.of(1);
        }
        return Optional.empty();
    }

    private static int purge(List<String> words, PrintStream out, PrintStream err) {
        List<String> dirs = new ArrayList<>();
        int retain = Purge.MIN_RETAIN;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("-n") && i + 1 < words.size()) {
                try {
                    retain = Integer.parseInt(words.get(++i));
                } catch (NumberFormatException e) {
                    retain = -1;
                }
            } else {
                dirs.add(words.get(i));
            }
        }
        if (dirs.isEmpty() || dirs.size() > 2 || retain < Purge.MIN_RETAIN) {
            err.println("glasshouse-engine: purge needs DATADIR [DATALOGDIR] and a COUNT of at least "
                    + Purge.MIN_RETAIN + " after -n.");
            return 2;
        }
        Path dataDir = Path.of(dirs.get(0));
        Path dataLogDir = dirs.size() == 2 ? Path.of(dirs.get(1)) : dataDir;
        Purge.Result result = StandaloneServer.purge(dataDir, dataLogDir, retain);
        out.println("purged snapshots=" + result.snapshotsDeleted() + " logSegments=" + result.segmentsDeleted());
        return 0;
    }

    /** Accepts a data directory or its {@code version-2} subdirectory. */
    private static Path versionDir(Path dir) {
        Path inner = dir.resolve(StandaloneServer.VERSION_DIR);
        return Files.isDirectory(inner) ? inner : dir;
    }
}
