package dev.glasshouse.engine.net;

/**
 * The port through which a member exchanges {@link PeerEnvelope}s with the other members of its
 * ensemble. Contracts: messages to one peer on one port arrive in the order they were sent, or the
 * link breaks and later ones may be lost (the receiver's protocol treats gaps as a broken link);
 * nothing arrives twice; {@link #send} never blocks: when a peer is unreachable or its bounded
 * queue is full, the message is dropped and counted. Thread-safe.
 */
public interface PeerTransport extends AutoCloseable {
    /** Told of each message that arrived, on a transport thread; it must only enqueue. */
    interface Receiver {
        void received(PeerEnvelope envelope);
    }

    /** Queues {@code envelope} for {@code envelope.to()}; returns at once. */
    void send(PeerEnvelope envelope);

    /** The peers this member currently has an open outbound link to, for admin views. */
    java.util.Set<dev.glasshouse.engine.quorum.MemberId> connectedPeers();

    /** Stops listening, closes every link and drops what is queued. */
    @Override
    void close();
}
