package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.request.Pipeline;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads a member's core on the thread that owns it. The view function runs on the member's event
 * loop and must only read; it returns an immutable value that other threads may then render.
 */
public interface MemberInspector {
    <T> CompletableFuture<T> inspect(Function<Pipeline, T> view);
}
