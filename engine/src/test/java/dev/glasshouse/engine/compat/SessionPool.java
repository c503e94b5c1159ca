package dev.glasshouse.engine.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;

/**
 * The client sessions of one differential run against one target. Slot 0 is authenticated as
 * digest user alice, slot 1 as bob, slot 2 is anonymous. Session ids are shown in transcripts as
 * slot labels ({@code s1#2}: slot 1, second session in that slot), so two targets compare equal.
 * Used from the test thread only.
 */
final class SessionPool implements AutoCloseable {

    static final int SIZE = 3;
    static final String ALICE_PASSWORD = "alice-pw";
    static final String BOB_PASSWORD = "bob-pw";

    private final String connectString;
    private final ZooKeeper[] clients = new ZooKeeper[SIZE];
    private final EventLog[] logs = new EventLog[SIZE];
    private final int[] generations = new int[SIZE];
    private final Map<Long, String> labels = new HashMap<>();

    SessionPool(String connectString) {
        this.connectString = connectString;
        for (int slot = 0; slot < SIZE; slot++) {
            open(slot);
        }
    }

    ZooKeeper client(int slot) {
        return clients[slot];
    }

    /** Closes the session in {@code slot}, which deletes its ephemerals, and opens a new one there. */
    void reconnect(int slot) throws InterruptedException {
        clients[slot].close();
        open(slot);
    }

    /** The slot label of a session id, or the id in hex for a session this pool never opened. */
    String label(long sessionId) {
        return labels.getOrDefault(sessionId, "0x" + Long.toHexString(sessionId));
    }

    /**
     * The watch events each session has received since the last call, as transcript lines. Every
     * session first completes a sync round trip, so all notifications caused by earlier steps
     * have been delivered: the server sends them before any later reply on the same connection.
     */
    List<String> drainEvents() throws InterruptedException {
        // All sessions sync at once, then wait: one round trip of latency instead of three.
        CountDownLatch synced = new CountDownLatch(SIZE);
        for (ZooKeeper client : clients) {
            client.sync("/", (rc, path, ctx) -> synced.countDown(), null);
        }
        if (!synced.await(EventLog.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Sessions did not finish sync within " + EventLog.WAIT);
        }
        List<String> lines = new ArrayList<>();
        for (int slot = 0; slot < SIZE; slot++) {
            for (String event : logs[slot].drainReceived()) {
                lines.add("  event s" + slot + " " + event);
            }
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        for (ZooKeeper client : clients) {
            if (client != null) {
                client.close();
            }
        }
    }

    private void open(int slot) {
        logs[slot] = new EventLog();
        try {
            clients[slot] = new ZooKeeper(connectString, ClientSessions.SESSION_TIMEOUT_MILLIS, logs[slot]);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not connect to " + connectString, e);
        }
        logs[slot].awaitState(org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected);
        generations[slot]++;
        labels.put(clients[slot].getSessionId(), "s" + slot + "#" + generations[slot]);
        if (slot == 0) {
            clients[slot].addAuthInfo("digest", Digests.credentials("alice", ALICE_PASSWORD));
        } else if (slot == 1) {
            clients[slot].addAuthInfo("digest", Digests.credentials("bob", BOB_PASSWORD));
        }
    }
}
