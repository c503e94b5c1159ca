package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PeerTransport} over TCP: a member listens on its quorum and election ports and keeps
 * one outbound connection ({@link PeerLink}) per peer and port, dialled on the first message and
 * again, with back-off, after a failure. Election notifications go to a peer's election port and
 * everything else to its quorum port. Each connection starts with a handshake naming the dialling
 * member; the acceptor admits only the ensemble's other members and then checks that every
 * message comes from the member that connected ({@link PeerInboundHandler}). Frames are 4-byte
 * length-prefixed {@link PeerCodec} payloads of at most {@link PeerLimits#maxFrameBytes()}.
 *
 * <p>Two event-loop threads do all the work: accepting, reading, encoding and writing. Thread-safe;
 * {@link #send} never blocks. {@link #close()} is idempotent.
 */
public final class NettyPeerTransport implements PeerTransport {
    private static final Logger log = LoggerFactory.getLogger(NettyPeerTransport.class);
    private static final int THREADS = 2;

    private final MemberId self;
    private final EventLoopGroup group;
    private final Map<PeerPort, Channel> listeners;
    private final Map<PeerPort, Map<MemberId, PeerLink>> links;
    private final Map<Channel, MemberId> accepted;
    private final LongAdder dropped;
    private final AtomicBoolean closed;

    private NettyPeerTransport(MemberId self, EventLoopGroup group, Map<PeerPort, Channel> listeners,
                               Map<PeerPort, Map<MemberId, PeerLink>> links, PeerAcceptRules rules,
                               PeerLinkSettings settings) {
        this.self = self;
        this.group = group;
        this.listeners = Map.copyOf(listeners);
        this.links = Map.copyOf(links);
        this.accepted = rules.accepted();
        this.dropped = settings.dropped();
        this.closed = settings.closed();
    }

    /**
     * Listens on {@code self}'s two addresses in {@code members} and returns once both are bound; a
     * port of 0 binds any free port (see {@link #quorumAddress()}). Links to the other members are
     * dialled when first used.
     *
     * @param members every member of the ensemble, {@code self} included
     * @throws IOException if a port cannot be bound; nothing is left running then
     */
    public static NettyPeerTransport start(MemberId self, Map<MemberId, PeerAddress> members, Receiver receiver,
                                           PeerLimits limits) throws IOException {
        return start(self, members, receiver, limits, RequestThrottle.unlimited());
    }

    /**
     * Like {@link #start(MemberId, Map, Receiver, PeerLimits)}, pushing back on peers through
     * {@code unprocessed}: the transport counts each message it hands to {@code receiver}, the
     * receiver calls {@link RequestThrottle#finished} once it processed one, and while too many are
     * waiting a peer connection that delivers another stops reading, so TCP slows its sender down.
     */
    public static NettyPeerTransport start(MemberId self, Map<MemberId, PeerAddress> members, Receiver receiver,
                                           PeerLimits limits, RequestThrottle unprocessed) throws IOException {
        PeerAddress own = members.get(self);
        if (own == null) {
            throw new IllegalArgumentException("member " + self + " is not in the ensemble " + members.keySet());
        }
        EventLoopGroup group = new NioEventLoopGroup(THREADS);
        PeerAcceptRules rules = new PeerAcceptRules(self, members.keySet(), receiver, new ConcurrentHashMap<>(),
                limits, unprocessed);
        PeerLinkSettings settings = new PeerLinkSettings(dialler(group), new PeerHandshake(self), limits,
                new LongAdder(), new AtomicBoolean());
        Map<PeerPort, Channel> listeners = new EnumMap<>(PeerPort.class);
        Map<PeerPort, Map<MemberId, PeerLink>> links = new EnumMap<>(PeerPort.class);
        try {
            for (PeerPort port : PeerPort.values()) {
                listeners.put(port, listen(group, port.address(own), new PeerChannelInitializer(port, rules)));
                links.put(port, links(self, members, port, settings));
            }
        } catch (IOException | RuntimeException e) {
            listeners.values().forEach(listener -> listener.close().syncUninterruptibly());
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
        NettyPeerTransport transport = new NettyPeerTransport(self, group, listeners, links, rules, settings);
        log.info("Listening for peers member={} quorum={} election={}", self, transport.quorumAddress(),
                transport.electionAddress());
        return transport;
    }

    /**
     * Queues {@code envelope} on the link to its recipient and returns at once.
     *
     * @throws IllegalArgumentException if the envelope is not from this member, or is addressed to it
     *                                  (a member hands its own requests to itself without a transport)
     */
    @Override
    public void send(PeerEnvelope envelope) {
        if (!envelope.from().equals(self) || envelope.to().equals(self)) {
            throw new IllegalArgumentException("member " + self + " cannot send " + envelope);
        }
        PeerLink link = links.get(PeerPort.of(envelope)).get(envelope.to());
        if (closed.get() || link == null) {
            dropped.increment();
            log.debug("Dropping peer message to a closed transport or unknown member message={}", envelope);
            return;
        }
        link.send(envelope);
    }

    /** Messages dropped so far: queue full, peer unreachable, connection broken, or transport closed. */
    public long droppedMessages() {
        return dropped.sum();
    }

    /** Members to which this member has an established outbound connection on either port. */
    @Override
    public Set<MemberId> connectedPeers() {
        Set<MemberId> peers = new HashSet<>();
        links.values().forEach(byMember -> byMember.forEach((member, link) -> {
            if (link.isConnected()) {
                peers.add(member);
            }
        }));
        return Set.copyOf(peers);
    }

    /** Members with at least one accepted connection that completed its handshake. */
    public Set<MemberId> acceptedPeers() {
        return Set.copyOf(accepted.values());
    }

    /** The bound quorum address: the configured one, with the actual port if 0 was configured. */
    public InetSocketAddress quorumAddress() {
        return (InetSocketAddress) listeners.get(PeerPort.QUORUM).localAddress();
    }

    /** The bound election address: the configured one, with the actual port if 0 was configured. */
    public InetSocketAddress electionAddress() {
        return (InetSocketAddress) listeners.get(PeerPort.ELECTION).localAddress();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listeners.values().forEach(listener -> listener.close().syncUninterruptibly());
        // Shutting the group down closes every link and accepted connection; what is queued is dropped.
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("Stopped peer transport member={} droppedMessages={}", self, droppedMessages());
    }

    private static Bootstrap dialler(EventLoopGroup group) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new PeerLinkInitializer());
    }

    private static Channel listen(EventLoopGroup group, InetSocketAddress address, PeerChannelInitializer initializer)
            throws IOException {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(address)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("Cannot listen for peers on " + address + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        return bound.channel();
    }

    private static Map<MemberId, PeerLink> links(MemberId self, Map<MemberId, PeerAddress> members, PeerPort port,
                                                 PeerLinkSettings settings) {
        Map<MemberId, PeerLink> links = new HashMap<>();
        members.forEach((member, address) -> {
            if (!member.equals(self)) {
                EventLoop loop = settings.bootstrap().config().group().next();
                links.put(member, new PeerLink(member, port.address(address), loop, settings));
            }
        });
        return Map.copyOf(links);
    }
}
