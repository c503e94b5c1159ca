package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/**
 * A {@link Watcher} that records what it receives: znode events in one queue, connection-state
 * changes in another. Filled on the client's event thread, read by the test thread.
 */
final class EventLog implements Watcher {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<WatchedEvent> nodeEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<KeeperState> states = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() == Event.EventType.None) {
            states.add(event.getState());
        } else {
            nodeEvents.add(event);
        }
    }

    /** Waits for the next znode event and checks its type and path. */
    WatchedEvent expect(Event.EventType type, String path) {
        WatchedEvent event = next();
        assertThat(event.getType() + " " + event.getPath()).isEqualTo(type + " " + path);
        return event;
    }

    /** The next znode event, failing the test if none arrives in {@link #WAIT}. */
    WatchedEvent next() {
        try {
            WatchedEvent event = nodeEvents.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("No watch event arrived within " + WAIT);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that no znode event is pending. A sync callback is a barrier: callbacks run on the
     * event thread in arrival order, and the server sends notifications before later replies.
     */
    void expectNothingMore(ZooKeeper zk) {
        awaitEventThread(zk);
        List<String> extra = new ArrayList<>();
        nodeEvents.forEach(event -> extra.add(event.getType() + " " + event.getPath()));
        assertThat(extra).as("unexpected watch events").isEmpty();
    }

    /** Everything received so far, as "Type path" lines, emptying the queue; waits for the event thread first. */
    List<String> drain(ZooKeeper zk) {
        awaitEventThread(zk);
        return drainReceived();
    }

    /** Everything already received, as "Type path" lines, emptying the queue; the caller did the barrier. */
    List<String> drainReceived() {
        List<WatchedEvent> events = new ArrayList<>();
        nodeEvents.drainTo(events);
        return events.stream().map(event -> event.getType() + " " + event.getPath()).toList();
    }

    /** Waits until the given connection state is reported. */
    void awaitState(KeeperState wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                KeeperState state = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (state == wanted) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        fail("Connection state " + wanted + " not reported within " + WAIT);
    }

    static void awaitEventThread(ZooKeeper zk) {
        CountDownLatch done = new CountDownLatch(1);
        zk.sync("/", (rc, path, ctx) -> done.countDown(), null);
        try {
            if (!done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("sync did not complete within " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
