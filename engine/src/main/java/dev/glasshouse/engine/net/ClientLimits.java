package dev.glasshouse.engine.net;

/**
 * What a client connection may do before it is closed or paused.
 *
 * @param maxFrameBytes            {@code jute.maxbuffer}: the largest frame payload a client may send
 * @param maxConnectionsPerAddress {@code maxClientCnxns}: concurrent connections per client address, 0 for no limit
 * @param handshakeTimeoutMillis   how long a new connection may take to send its ConnectRequest
 * @param throttle                 the member-wide {@code globalOutstandingLimit}
 */
public record ClientLimits(int maxFrameBytes, int maxConnectionsPerAddress, long handshakeTimeoutMillis,
                           RequestThrottle throttle) {

    /** ZooKeeper's NIO server gives a connection without a session 10 s ({@code sessionlessCnxnTimeout}). */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;
}
