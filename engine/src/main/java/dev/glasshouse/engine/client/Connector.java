package dev.glasshouse.engine.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections to the hosts of the connect string, one after another in the shuffled order,
 * with the reference client's connect timeout (session timeout divided by the number of hosts),
 * and paces retries: the next host at once after a working connection broke, a growing pause
 * (up to one second) once every host has failed in a row. Confined to the client's event loop.
 */
final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    private static final long MAX_RETRY_DELAY_MILLIS = 1000;

    private final Bootstrap bootstrap;
    private final HostRotation hosts;
    private int failedAttempts;

    Connector(ClientConfig config, EventLoopGroup group, ClientChannelInitializer initializer) {
        this.hosts = new HostRotation(config.connectString().hosts(), config.random());
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(initializer);
    }

    int hostCount() {
        return hosts.size();
    }

    /**
     * Starts connecting to the next host and returns the new channel at once. {@code onConnected}
     * runs when TCP is up; {@code onClosed} runs when the channel closes for any reason, including
     * a failed or timed-out connect.
     */
    Channel connectNext(int connectTimeoutMillis, Consumer<Channel> onConnected, Consumer<Channel> onClosed) {
        InetSocketAddress host = hosts.next();
        log.debug("Connecting host={} timeoutMillis={}", host, connectTimeoutMillis);
        bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
        ChannelFuture connecting = bootstrap.connect(host);
        Channel attempt = connecting.channel();
        attempt.closeFuture().addListener(closed -> onClosed.accept(attempt));
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                onConnected.accept(attempt);
            } else {
                log.debug("Connect failed host={} reason={}", host, String.valueOf(done.cause()));
                attempt.close();
            }
        });
        return attempt;
    }

    void onHandshake() {
        failedAttempts = 0;
    }

    /** How long to wait before the next attempt, given whether the last connection had worked. */
    long retryDelayMillis(boolean lastWorked) {
        if (lastWorked) {
            return 0;
        }
        failedAttempts++;
        return failedAttempts < hosts.size() ? 0 : Math.min(MAX_RETRY_DELAY_MILLIS, 50L * failedAttempts);
    }
}
