package dev.glasshouse.engine.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one daemon thread of a member's event loop: how it is made and how it is stopped. */
final class EventLoopThread {
    private EventLoopThread() {
    }

    static ScheduledExecutorService start(String memberName) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "member-" + memberName + "-event-loop");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets queued steps finish for up to five seconds, then interrupts what is left. */
    static void stop(ScheduledExecutorService thread) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
