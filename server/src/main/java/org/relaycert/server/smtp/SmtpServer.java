package org.relaycert.server.smtp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.relaycert.server.delivery.MailIntake;

/**
 * One SMTP listener (25, 587 or 465) on event loops owned by the caller. Intake and authenticator calls
 * run on virtual threads so a slow disk never stalls other connections.
 */
public final class SmtpServer implements AutoCloseable {
    private final Channel channel;
    private final ExecutorService blocking;
    private final ChannelGroup connections;
    private final SmtpChannelInitializer initializer;

    private SmtpServer(Channel channel, ExecutorService blocking, ChannelGroup connections, SmtpChannelInitializer initializer) {
        this.channel = channel;
        this.connections = connections;
        this.blocking = blocking;
        this.initializer = initializer;
    }

    /**
     * Binds {@code config.bind()} and starts accepting; the groups stay the caller's to shut down.
     * They must be NIO groups ({@code new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory())}).
     */
    public static SmtpServer start(SmtpServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
                                   MailIntake intake, Authenticator auth) throws InterruptedException {
        return start(config, boss, workers, intake, auth,
                org.relaycert.server.limits.ConnectionLimiter.smtp(org.relaycert.server.limits.ConnectionLimit.UNLIMITED, config.hostname()));
    }

    /** As above, turning away connections over {@code limiter}'s limits. */
    public static SmtpServer start(SmtpServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
                                   MailIntake intake, Authenticator auth,
                                   org.relaycert.server.limits.ConnectionLimiter limiter) throws InterruptedException {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(auth, "auth");
        ExecutorService blocking = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("smtp-" + config.port().name().toLowerCase(java.util.Locale.ROOT) + "-", 0).factory());
        ChannelGroup connections = new DefaultChannelGroup("smtp-" + config.port(), GlobalEventExecutor.INSTANCE);
        SmtpChannelInitializer initializer = new SmtpChannelInitializer(config, intake, auth, blocking, connections, limiter);
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(io.netty.channel.ChannelOption.SO_REUSEADDR, true) // restart while old connections linger in TIME_WAIT
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childHandler(initializer)
                    .bind(config.bind()).sync().channel();
            return new SmtpServer(channel, blocking, connections, initializer);
        } catch (InterruptedException | RuntimeException e) {
            blocking.shutdownNow();
            throw e;
        }
    }

    /**
     * Serves SMTP on a connection whose TLS ended in front of this server (port 443, ALPN {@code smtp}), as
     * if it had arrived on this listener after its handshake; the greeting goes out at once.
     */
    public void adopt(Channel tlsTerminatedConnection) {
        tlsTerminatedConnection.eventLoop().execute(() -> initializer.install(tlsTerminatedConnection, true));
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops accepting and closes open connections; a client that got no reply to its DATA yet will retry. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        blocking.shutdown();
    }
}
