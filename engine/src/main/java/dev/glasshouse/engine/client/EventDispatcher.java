package dev.glasshouse.engine.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single event thread of one client. Watch events, state changes and future completions all
 * run here, in the order the event loop queued them, which is what lets the client promise that a
 * watcher hears a change before the completion of any later reply runs. A callback that throws is
 * logged and does not stop the thread. Thread-safe.
 */
final class EventDispatcher {
    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final ExecutorService executor;

    EventDispatcher(String threadName) {
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void execute(Runnable callback) {
        try {
            executor.execute(() -> runGuarded(callback));
        } catch (RejectedExecutionException e) {
            // After shutdown the caller's thread is the only one left to tell the application.
            runGuarded(callback);
        }
    }

    /** Lets queued callbacks finish, then ends the thread. */
    void shutdown() {
        executor.shutdown();
    }

    boolean awaitTermination(long millis) throws InterruptedException {
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    private static void runGuarded(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("Client callback failed error={}", e.toString(), e);
        }
    }
}
