package dev.glasshouse.engine.persist;

/** A session as a snapshot keeps it: id, negotiated timeout and password. Deadlines are not kept. */
public record SessionImage(long id, int timeoutMillis, byte[] password) {
}
