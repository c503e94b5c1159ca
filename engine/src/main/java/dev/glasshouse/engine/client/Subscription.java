package dev.glasshouse.engine.client;

/** Ends one listener subscription; cancelling twice does nothing. */
@FunctionalInterface
public interface Subscription {
    void cancel();
}
