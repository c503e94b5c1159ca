package dev.glasshouse.engine.admin.api;

import java.util.List;
import java.util.Map;

/**
 * The data watches of a member (getData, exists and persistent ones, as ZooKeeper's {@code wchc},
 * {@code wchp} and {@code wchs} report them; child watches are counted only in {@code mntr}).
 *
 * @param connections     connections holding at least one such watch
 * @param paths           watched paths
 * @param totalWatches    (path, connection) pairs
 * @param pathsBySession  watched paths of each session, sorted
 * @param sessionsByPath  sessions watching each path
 */
public record WatchReport(int connections, int paths, int totalWatches, Map<Long, List<String>> pathsBySession,
                          Map<String, List<Long>> sessionsByPath) {

    public WatchReport {
        pathsBySession = Map.copyOf(pathsBySession);
        sessionsByPath = Map.copyOf(sessionsByPath);
    }
}
