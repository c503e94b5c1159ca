package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A watcher that records its events, for tests. Events arrive on the client's event thread and
 * are taken by the test thread with a deadline.
 */
final class EventLog implements Watcher {
    private final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchEvent event) {
        events.add(event);
    }

    WatchEvent next() {
        try {
            WatchEvent event = events.poll(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No watch event within " + Await.TIMEOUT);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    WatchEvent next(EventType type, String path) {
        WatchEvent event = next();
        if (event.type() != type || !event.path().equals(path)) {
            throw new AssertionError("Expected " + type + " " + path + " but got " + event);
        }
        return event;
    }

    /** The events delivered so far and not yet taken. */
    List<WatchEvent> pending() {
        List<WatchEvent> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }
}
