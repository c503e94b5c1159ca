package dev.glasshouse.engine.net;

import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestHeader;

/**
 * Where decoded client traffic goes: the member's event loop. Called on Netty I/O threads; an
 * implementation only enqueues, it never blocks or touches member state directly.
 */
public interface ClientListener {
    void connected(ClientChannel channel, ConnectRequest request);

    void request(long connectionId, RequestHeader header, RequestBody body);

    void disconnected(long connectionId);
}
