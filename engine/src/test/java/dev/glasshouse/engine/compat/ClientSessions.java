package dev.glasshouse.engine.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Opens ZooKeeper client sessions to one connect string and closes all of them at the end.
 * Each open call returns only once the session is connected. Used from the test thread.
 */
final class ClientSessions implements AutoCloseable {

    static final int SESSION_TIMEOUT_MILLIS = 10_000;

    private final String connectString;
    private final List<ZooKeeper> opened = new ArrayList<>();

    ClientSessions(String connectString) {
        this.connectString = connectString;
    }

    ClientSessions(TargetServer server) {
        this(server.connectString());
    }

    /** A connected session whose default watcher discards events. */
    ZooKeeper open() {
        return open(new EventLog());
    }

    /** A connected session with {@code log} as its default watcher. */
    ZooKeeper open(EventLog log) {
        return open(log, SESSION_TIMEOUT_MILLIS);
    }

    /** A connected session asking for the given timeout. */
    ZooKeeper open(EventLog log, int sessionTimeoutMillis) {
        try {
            ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMillis, log);
            opened.add(zk);
            log.awaitState(Watcher.Event.KeeperState.SyncConnected);
            return zk;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not connect to " + connectString, e);
        }
    }

    /** Resumes an existing session by id and password, as a client does after a reconnect. */
    ZooKeeper resume(EventLog log, long sessionId, byte[] password) {
        try {
            ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, log, sessionId, password);
            opened.add(zk);
            log.awaitState(Watcher.Event.KeeperState.SyncConnected);
            return zk;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not connect to " + connectString, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ZooKeeper zk : opened) {
            zk.close();
        }
    }
}
