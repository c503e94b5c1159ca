package dev.glasshouse.engine.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A small Netty HTTP/1.1 listener for the operations endpoints (AdminServer, metrics page): one
 * thread, requests up to 64 KiB, idle connections closed after 30 seconds as ZooKeeper's
 * {@code admin.idleTimeout} does. {@link #close()} stops accepting and closes every connection.
 */
final class HttpListener implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int IDLE_SECONDS = 30;

    private final EventLoopGroup group;
    private final Channel serverChannel;

    private HttpListener(EventLoopGroup group, Channel serverChannel) {
        this.group = group;
        this.serverChannel = serverChannel;
    }

    static HttpListener bind(InetSocketAddress address, String threadName, HttpRoutes routes)
            throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel child) {
                            child.pipeline()
                                    .addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
                                        @Override
                                        protected void channelIdle(io.netty.channel.ChannelHandlerContext context,
                                                                   io.netty.handler.timeout.IdleStateEvent event) {
                                            context.close();
                                        }
                                    })
                                    .addLast("http", new HttpServerCodec())
                                    .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast("routes", new HttpRequestHandler(routes));
                        }
                    })
                    .bind(address)
                    .sync()
                    .channel();
            return new HttpListener(group, channel);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
