package dev.glasshouse.engine.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;

/**
 * Plays one generated step list against one freshly started target and records its transcript.
 * Containers are never reaped during a run (the check interval is longer than any run), because
 * reaping happens on a timer and would make the transcript depend on timing.
 */
final class DifferentialRun {

    static final long NO_REAPING_MILLIS = 3_600_000;

    private DifferentialRun() {
    }

    /** Starts {@code target} in a new directory under {@code workDir}, runs {@code steps} and stops it. */
    static Transcript record(Target target, int runIndex, Path workDir, List<DiffOp> steps) throws Exception {
        Path dataDir = Files.createDirectories(workDir.resolve(target.name().toLowerCase(java.util.Locale.ROOT) + "-" + runIndex));
        try (TargetServer server = target.start(dataDir, NO_REAPING_MILLIS);
             SessionPool sessions = new SessionPool(server.connectString())) {
            OpExecutor executor = new OpExecutor(sessions);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                lines.add("#" + i + " " + executor.execute(steps.get(i)));
                lines.addAll(eventsOf(steps.get(i), sessions.drainEvents()));
            }
            // Slot 0 is alice, who may read every ACL the generator hands out.
            lines.add("final tree " + tree(sessions.client(0)));
            return new Transcript(server.name() + "#" + runIndex, lines);
        }
    }

    /**
     * The events a step caused, in the order they arrived, except after a session close: ZooKeeper
     * deletes the session's ephemerals in hash-set order, which no client can rely on, so those
     * events are compared as a set.
     */
    private static List<String> eventsOf(DiffOp step, List<String> events) {
        if (!(step instanceof DiffOp.Reconnect)) {
            return events;
        }
        List<String> sorted = new ArrayList<>(events);
        sorted.sort(null);
        return sorted;
    }

    /** Every path under the root in sorted order, so the end state is compared too. */
    private static String tree(ZooKeeper zk) throws Exception {
        List<String> paths = new ArrayList<>();
        collect(zk, "/", paths);
        return paths.toString();
    }

    private static void collect(ZooKeeper zk, String path, List<String> paths) throws Exception {
        List<String> children = new ArrayList<>(zk.getChildren(path, false));
        children.sort(null);
        for (String child : children) {
            String childPath = path.equals("/") ? "/" + child : path + "/" + child;
            paths.add(childPath);
            collect(zk, childPath, paths);
        }
    }
}
