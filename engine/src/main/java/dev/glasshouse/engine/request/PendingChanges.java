package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.NodeLookup;
import dev.glasshouse.engine.tree.NodeState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state znodes will have once every prepared but not yet applied transaction is applied
 * (ZooKeeper's outstanding change records). Preparation reads through it so that a request is
 * validated against the writes queued before it, including earlier operations of the same multi.
 * Confined to the member's event-loop thread.
 */
public final class PendingChanges implements NodeLookup {
    private record Change(long zxid, String path, Optional<NodeState> state) {
    }

    private final NodeLookup applied;
    private final Deque<Change> outstanding = new ArrayDeque<>();
    private final Map<String, Change> latest = new HashMap<>();

    public PendingChanges(NodeLookup applied) {
        this.applied = applied;
    }

    @Override
    public Optional<NodeState> find(String path) {
        Change change = latest.get(path);
        return change != null ? change.state() : applied.find(path);
    }

    void put(long zxid, String path, NodeState state) {
        add(new Change(zxid, path, Optional.of(state)));
    }

    void delete(long zxid, String path) {
        add(new Change(zxid, path, Optional.empty()));
    }

    private void add(Change change) {
        outstanding.addLast(change);
        latest.put(change.path(), change);
    }

    /** Paths that pending transactions create as ephemerals of the session and do not delete again. */
    List<String> pendingEphemerals(long sessionId) {
        List<String> paths = new ArrayList<>();
        for (Change change : latest.values()) {
            if (change.state().map(s -> s.ephemeralOwner() == sessionId).orElse(false)) {
                paths.add(change.path());
            }
        }
        return paths;
    }

    /** Whether the latest pending change of a path is its deletion. */
    boolean isPendingDelete(String path) {
        Change change = latest.get(path);
        return change != null && change.state().isEmpty();
    }

    /** Forgets the changes of a multi that failed part way, restoring what came before them. */
    void rollback(long zxid) {
        List<String> touched = new ArrayList<>();
        while (!outstanding.isEmpty() && outstanding.peekLast().zxid() == zxid) {
            touched.add(outstanding.removeLast().path());
        }
        for (String path : touched) {
            latest.remove(path);
        }
        Iterator<Change> newestFirst = outstanding.descendingIterator();
        while (newestFirst.hasNext() && !touched.isEmpty()) {
            Change change = newestFirst.next();
            if (touched.remove(change.path())) {
                latest.put(change.path(), change);
            }
        }
    }

    /** Drops the changes the tree now reflects, once the transaction at {@code zxid} is applied. */
    void applied(long zxid) {
        while (!outstanding.isEmpty() && outstanding.peekFirst().zxid() <= zxid) {
            Change change = outstanding.removeFirst();
            if (latest.get(change.path()) == change) {
                latest.remove(change.path());
            }
        }
    }

    /** Forgets every outstanding change: a leader that lost its leadership no longer knows their fate. */
    void clear() {
        outstanding.clear();
        latest.clear();
    }

    int size() {
        return outstanding.size();
    }
}
