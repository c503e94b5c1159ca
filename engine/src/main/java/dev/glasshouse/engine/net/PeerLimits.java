package dev.glasshouse.engine.net;

/**
 * The bounds of a {@link NettyPeerTransport}.
 *
 * @param maxQueuedMessages      messages per link waiting for a connection or for the socket; more are dropped
 * @param maxFrameBytes          the largest message in either direction; a SNAP {@code SyncLog} carries a whole
 *                               history, so this is far larger than a client's {@code jute.maxbuffer}; at most
 *                               {@code Integer.MAX_VALUE - 4}, so the frame with its length prefix fits an int
 * @param reconnectMinMillis     the first wait before dialling a peer again after a failure
 * @param reconnectMaxMillis     the wait doubles after each failure up to this; a link that stayed up this long
 *                               starts again from the minimum when it breaks
 * @param handshakeTimeoutMillis how long an accepted connection may take to say which member it is
 */
public record PeerLimits(int maxQueuedMessages, int maxFrameBytes, long reconnectMinMillis, long reconnectMaxMillis,
                         long handshakeTimeoutMillis) {
    public static final PeerLimits DEFAULTS = new PeerLimits(10_000, 64 << 20, 50, 1_000, 5_000);

    public PeerLimits {
        if (maxQueuedMessages < 1 || maxFrameBytes < 64 || maxFrameBytes > Integer.MAX_VALUE - 4
                || reconnectMinMillis < 1 || reconnectMaxMillis < reconnectMinMillis || handshakeTimeoutMillis < 1) {
            throw new IllegalArgumentException("bad peer limits: maxQueuedMessages=" + maxQueuedMessages
                    + " maxFrameBytes=" + maxFrameBytes + " reconnectMillis=" + reconnectMinMillis + ".."
                    + reconnectMaxMillis + " handshakeTimeoutMillis=" + handshakeTimeoutMillis);
        }
    }
}
