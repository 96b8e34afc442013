package org.relaycert.server.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.relaycert.server.account.AccountService;

/**
 * The relay's HTTPS front end (chatmail's nginx site): {@code /new}, autoconfig, the MTA-STS policy,
 * robots.txt and a landing page. Pipeline per connection: {@code tls}, {@code http} (codec),
 * {@code idle}, {@code aggregator}, {@code router}. Needs NIO event loop groups.
 */
public final class WebServer implements AutoCloseable {
    /** Threads for {@link Route#blocking blocking} routes, and requests that may wait for one (then 503). */
    static final int BLOCKING_THREADS = 4;
    static final int BLOCKING_QUEUE = 256;

    private final Channel server;
    private final ChannelGroup connections;
    private final ExecutorService blockingWork;

    private WebServer(Channel server, ChannelGroup connections, ExecutorService blockingWork) {
        this.server = server;
        this.connections = connections;
        this.blockingWork = blockingWork;
    }

    /** Starts with the reference routes ({@link WebRoutes#reference}). */
    public static WebServer start(WebServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
            AccountService accounts) throws InterruptedException {
        return start(config, boss, workers, WebRoutes.reference(config, accounts));
    }

    /** Starts with a caller's route table (path to route, exact match). */
    public static WebServer start(WebServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
            Map<String, Route> routes) throws InterruptedException {
        return start(config, boss, workers, routes, Map.of());
    }

    /**
     * Starts as the relay's port 443: connections whose TLS handshake chose an ALPN protocol named in
     * {@code alpnAdopters} ({@code imap}, {@code smtp}) are handed over to that server; the rest are HTTPS.
     * {@code config.tls()} must then offer those ALPN names.
     */
    public static WebServer start(WebServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
            Map<String, Route> routes, Map<String, Consumer<Channel>> alpnAdopters) throws InterruptedException {
        ChannelGroup connections = new DefaultChannelGroup("web", GlobalEventExecutor.INSTANCE);
        ExecutorService blockingWork = blockingPool();
        Router router = new Router(routes, new SecurityHeaders(!config.selfSigned()), config.mailDomain(), blockingWork);
        long idleMillis = config.idleTimeout().toMillis();
        Consumer<Channel> http = ch -> ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                .addLast("spooler", new BodySpooler(routes, config.maxContentLength()))
                .addLast("aggregator", new HttpObjectAggregator(config.maxContentLength()))
                .addLast("router", router);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(io.netty.channel.ChannelOption.SO_REUSEADDR, true) // restart while old connections linger in TIME_WAIT
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("tls", config.tls().newHandler(ch.alloc()));
                        if (alpnAdopters.isEmpty()) {
                            http.accept(ch);
                        } else {
                            ch.pipeline().addLast("alpn", new AlpnRouter(alpnAdopters, http));
                        }
                    }
                });
        Channel server;
        try {
            server = bootstrap.bind(config.bind()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            blockingWork.shutdownNow();
            throw e;
        }
        return new WebServer(server, connections, blockingWork);
    }

    private static ExecutorService blockingPool() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BLOCKING_QUEUE), r -> {
                    Thread t = new Thread(r, "web-blocking-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The bound address (the real port when the config said 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Stops listening and closes open connections; the event loop groups stay the caller's. */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        blockingWork.shutdown();
    }
}
