package dev.glasshouse.engine.server;

import dev.glasshouse.engine.net.ClientChannelInitializer;
import dev.glasshouse.engine.net.ClientLimits;
import dev.glasshouse.engine.net.ClientListener;
import dev.glasshouse.engine.net.ClientServer;
import dev.glasshouse.engine.net.RequestThrottle;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.net.InetSocketAddress;

/** Binds a member's client port with the limits its configuration sets, standalone or replicated. */
final class ClientPort {
    private ClientPort() {
    }

    static ClientServer bind(InetSocketAddress address, ServerConfig config, ClientListener listener,
                             RequestThrottle throttle, Operations operations) throws InterruptedException {
        // A connection without a session gets ZooKeeper NIO's 10 s, or half the longest session
        // timeout when that is shorter: a client that slow could not keep a session alive anyway.
        ClientLimits limits = new ClientLimits(config.maxFrameBytes(), config.maxClientCnxns(),
                Math.min(ClientLimits.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, config.maxSessionTimeoutMillis() / 2),
                throttle);
        return ClientServer.bind(address, new ClientChannelInitializer(listener, limits, operations.stats(),
                operations.fourLetterWords()));
    }
}
