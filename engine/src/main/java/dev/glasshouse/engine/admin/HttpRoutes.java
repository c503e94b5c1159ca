package dev.glasshouse.engine.admin;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What one HTTP listener serves. Called on Netty threads, so it must not block: it returns a
 * future that the member's event loop (or the caller) completes.
 */
interface HttpRoutes {
    CompletableFuture<HttpAnswer> answer(String method, String path, Optional<String> authorization);
}
