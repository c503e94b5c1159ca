package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.ResponseBody;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One request of the application on its way through the session: what to send (with server
 * paths), the client path for error messages, the watch to register or remove once the reply
 * arrives, and the future the reply body completes. Immutable apart from the future.
 */
record Call(OpCode op, RequestBody body, Optional<String> path, WatchEffect watch,
            CompletableFuture<ResponseBody> result) {

    static Call of(OpCode op, RequestBody body, Optional<String> path) {
        return new Call(op, body, path, WatchEffect.NONE, new CompletableFuture<>());
    }

    Call withWatch(WatchEffect effect) {
        return new Call(op, body, path, effect, result);
    }
}
