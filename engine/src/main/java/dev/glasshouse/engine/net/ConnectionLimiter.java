package dev.glasshouse.engine.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper's {@code maxClientCnxns}: at most that many concurrent connections from one client
 * address; a connection beyond the limit is closed at once with one WARN line, the others are
 * untouched. 0 means no limit. Shared by every channel of a listener, so it is thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);

    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        InetAddress address = addressOf(context);
        int count = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (maxPerAddress > 0 && count > maxPerAddress) {
            log.warn("Too many connections from {} - max is {}; closing the new one", address, maxPerAddress);
            context.close();
            return;
        }
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        InetAddress address = addressOf(context);
        open.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
        context.fireChannelInactive();
    }

    int openConnections() {
        return open.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int openFrom(InetAddress address) {
        AtomicInteger count = open.get(address);
        return count == null ? 0 : count.get();
    }

    private static InetAddress addressOf(ChannelHandlerContext context) {
        return ((InetSocketAddress) context.channel().remoteAddress()).getAddress();
    }
}
