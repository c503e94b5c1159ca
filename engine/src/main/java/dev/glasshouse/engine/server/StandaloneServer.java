package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.OperationsEndpoints;
import dev.glasshouse.engine.admin.StorageStatus;
import dev.glasshouse.engine.net.ClientChannelInitializer;
import dev.glasshouse.engine.net.ClientLimits;
import dev.glasshouse.engine.net.ClientServer;
import dev.glasshouse.engine.net.RequestThrottle;
import dev.glasshouse.engine.request.Pipeline;
import dev.glasshouse.engine.request.PipelineSettings;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running standalone member: the client listener, the member event loop and its timers. The
 * composition root of a standalone process. {@link #close()} stops accepting, closes the client
 * connections and stops the event loop.
 */
public final class StandaloneServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StandaloneServer.class);

    private final MemberEventLoop eventLoop;
    private final ClientServer clients;
    private final OperationsEndpoints endpoints;

    private StandaloneServer(MemberEventLoop eventLoop, ClientServer clients, OperationsEndpoints endpoints) {
        this.eventLoop = eventLoop;
        this.clients = clients;
        this.endpoints = endpoints;
    }

    /** Starts a member and returns once its client port is bound. */
    public static StandaloneServer start(ServerConfig config) {
        Clock clock = new SystemClock();
        PipelineSettings settings = new PipelineSettings(0, config.minSessionTimeoutMillis(),
                config.maxSessionTimeoutMillis(), config.extendedTypesEnabled(), config.containerCheckIntervalMillis(),
                config.containerMaxPerMinute(), config.enforceQuota());
        DigestAuthenticator authenticator = new DigestAuthenticator(config.superDigest());
        Pipeline pipeline = new Pipeline(settings, authenticator, new SecureRandom(), clock.nowMillis());
        // Ticks at half the tick time bound how late a session can expire past its deadline.
        long tickMillis = Math.max(10, config.tickTimeMillis() / 2);
        RequestThrottle throttle = new RequestThrottle(config.globalOutstandingLimit());
        MemberEventLoop eventLoop = new MemberEventLoop(pipeline, clock, "standalone", tickMillis, throttle::finished);
        InetSocketAddress address = config.clientPortAddress()
                .map(host -> new InetSocketAddress(host, config.clientPort()))
                .orElseGet(() -> new InetSocketAddress(config.clientPort()));
        // Operations surface: four-letter words, AdminServer, metrics.
        Operations operations = new Operations(config, eventLoop, authenticator, StorageStatus.IN_MEMORY);
        try {
            // A connection without a session gets ZooKeeper NIO's 10 s, or half the longest session
            // timeout when that is shorter: a client that slow could not keep a session alive anyway.
            ClientLimits limits = new ClientLimits(config.maxFrameBytes(), config.maxClientCnxns(),
                    Math.min(ClientLimits.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, config.maxSessionTimeoutMillis() / 2),
                    throttle);
            ClientServer clients = ClientServer.bind(address, new ClientChannelInitializer(eventLoop, limits,
                    operations.stats(), operations.fourLetterWords()));
            log.info("Serving clients address={} mode=standalone tickTime={}", clients.localAddress(),
                    config.tickTimeMillis());
            OperationsEndpoints endpoints = operations.startEndpoints(clients.localAddress().getPort());
            return new StandaloneServer(eventLoop, clients, endpoints);
        } catch (InterruptedException e) {
            eventLoop.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + address, e);
        } catch (RuntimeException e) {
            eventLoop.close();
            throw e;
        }
    }

    /** The bound client port, useful when the configuration asked for port 0. */
    public int clientPort() {
        return clients.localAddress().getPort();
    }

    /** The zxid of the last applied transaction, read on the member's thread. */
    public long lastZxid() throws InterruptedException {
        return eventLoop.inspect(Pipeline::lastAppliedZxid);
    }

    /** Client connections open on the client port right now (sockets, with or without a session). */
    public int openClientConnections() {
        return clients.openConnections();
    }

    /** Connections the member's pipeline still tracks, read on the member's thread. */
    public int memberConnections() throws InterruptedException {
        return eventLoop.inspect(Pipeline::connectionCount);
    }

    /** The AdminServer's bound port, empty when it is disabled or could not bind. */
    public OptionalInt adminPort() {
        return endpoints.adminPort();
    }

    /** The Prometheus metrics page's bound port, empty when no metrics provider is configured. */
    public OptionalInt metricsPort() {
        return endpoints.metricsPort();
    }

    @Override
    public void close() {
        endpoints.close();
        clients.close();
        eventLoop.close();
        log.info("Stopped");
    }
}
