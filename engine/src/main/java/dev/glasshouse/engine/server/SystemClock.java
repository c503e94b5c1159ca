package dev.glasshouse.engine.server;

/** The wall clock. */
public final class SystemClock implements Clock {
    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }
}
