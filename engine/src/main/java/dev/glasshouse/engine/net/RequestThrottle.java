package dev.glasshouse.engine.net;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ZooKeeper's {@code globalOutstandingLimit}: counts requests handed to the member and not yet
 * finished; while more than the limit are outstanding, a connection that hands over another one
 * stops reading (auto-read off), so TCP pushes back on that client instead of the server queueing
 * or dropping. Every paused connection reads again once the count is back at or below the limit.
 * A limit of 0 or less disables throttling. The peer transport counts its members' unprocessed
 * messages with one too. Thread-safe: Netty threads call {@link #accepted},
 * the member's event loop calls {@link #finished}.
 */
public final class RequestThrottle {
    private final int limit;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Set<Channel> paused = ConcurrentHashMap.newKeySet();

    public RequestThrottle(int limit) {
        this.limit = limit;
    }

    /** A throttle that never pauses a connection. */
    public static RequestThrottle unlimited() {
        return new RequestThrottle(0);
    }

    /** A request from {@code channel} was handed to the member. Called on the channel's I/O thread. */
    void accepted(Channel channel) {
        if (outstanding.incrementAndGet() > limit && limit > 0) {
            channel.config().setAutoRead(false);
            paused.add(channel);
            // The member may have finished everything between the increment and the pause.
            if (outstanding.get() <= limit) {
                resumeAll();
            }
        }
    }

    /** The member finished one request handed over before. Called on the member's event loop. */
    public void finished() {
        if (outstanding.decrementAndGet() <= limit && !paused.isEmpty()) {
            resumeAll();
        }
    }

    /** A connection closed; it no longer needs resuming. */
    void closed(Channel channel) {
        paused.remove(channel);
    }

    /** Requests handed to the member and not yet finished. */
    public int outstanding() {
        return outstanding.get();
    }

    /** Connections currently not read because of the limit. */
    public int pausedConnections() {
        return paused.size();
    }

    private void resumeAll() {
        for (Channel channel : paused) {
            if (paused.remove(channel)) {
                // Safe from any thread: Netty runs the resulting read on the channel's own loop.
                channel.config().setAutoRead(true);
            }
        }
    }
}
