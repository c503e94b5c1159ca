package dev.glasshouse.engine.request;

/** What the pipeline asks the network layer to do with one client connection, in order. */
public sealed interface Outbound {
    long connectionId();

    /** Send one frame body; the network layer adds the 4-byte length prefix. */
    record Frame(long connectionId, byte[] body) implements Outbound {
    }

    /** Close the connection once everything queued before this has been written. */
    record Disconnect(long connectionId, String reason) implements Outbound {
    }
}
