package dev.glasshouse.engine.server;

/** The time source of a member; the simulation substitutes a seeded one. */
public interface Clock {
    /** Milliseconds since the epoch: znode ctime/mtime, session deadlines and TTLs are measured with it. */
    long nowMillis();
}
