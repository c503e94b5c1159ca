package dev.glasshouse.engine.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link SessionState} of one client and its listeners. The event loop changes the
 * state; listeners hear each change on the event thread, in order, queued behind the completions
 * and watch events that came before it. Once the session has ended, {@link #terminated()}
 * completes after the last listener call. Thread-safe.
 */
final class SessionStates {
    private static final Logger log = LoggerFactory.getLogger(SessionStates.class);

    private final EventDispatcher events;
    private final List<SessionStateListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile SessionState current = SessionState.CONNECTING;

    SessionStates(EventDispatcher events) {
        this.events = events;
    }

    SessionState current() {
        return current;
    }

    Subscription subscribe(SessionStateListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called on the event loop only. */
    void set(SessionState next) {
        SessionState previous = current;
        current = next;
        log.debug("Session state changed from={} to={}", previous, next);
        List<SessionStateListener> snapshot = List.copyOf(listeners);
        events.execute(() -> snapshot.forEach(listener -> listener.onStateChange(next)));
    }

    /** After a terminal state: lets queued callbacks run, completes {@link #terminated()}, ends the event thread. */
    void release() {
        events.execute(() -> terminated.complete(null));
        events.shutdown();
    }

    CompletableFuture<Void> terminated() {
        return terminated;
    }
}
