package dev.glasshouse.engine.client;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local expiry deadline of a disconnected session. Since 3.9 (ZOOKEEPER-4508) the ZooKeeper
 * client stops reconnecting and reports the session expired once it has heard nothing from any
 * server for 4/3 of the negotiated timeout: by then the ensemble has expired the session anyway,
 * and a client that keeps retrying against dead hosts would never tell its application. Confined
 * to the client's event-loop thread.
 */
final class ExpiryTimer {
    private final EventLoopGroup loop;
    private final Runnable onDeadline;
    private ScheduledFuture<?> pending;

    ExpiryTimer(EventLoopGroup loop, Runnable onDeadline) {
        this.loop = loop;
        this.onDeadline = onDeadline;
    }

    /** Starts the countdown from the last frame received, unless it runs already or no session was negotiated. */
    void arm(int negotiatedTimeoutMillis, long lastReceivedNanos) {
        if (pending != null || negotiatedTimeoutMillis <= 0) {
            return;
        }
        long deadlineNanos = lastReceivedNanos + TimeUnit.MILLISECONDS.toNanos(negotiatedTimeoutMillis * 4L / 3);
        long remainingNanos = Math.max(0, deadlineNanos - System.nanoTime());
        pending = loop.schedule(() -> {
            pending = null;
            onDeadline.run();
        }, remainingNanos, TimeUnit.NANOSECONDS);
    }

    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
