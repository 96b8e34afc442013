package org.relaycert.server.imap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.relaycert.server.imap.frame.ImapFrameDecoder;
import org.relaycert.server.imap.session.ResponseEncoder;
import org.relaycert.server.store.MaildirStore;

/**
 * One IMAP listener (143 with STARTTLS or 993 with implicit TLS). Pipeline per connection:
 * {@code tls} (implicit TLS, or added by STARTTLS) - {@code idle} - {@code frames} - {@code responses} -
 * {@code session} (on a separate executor group so that fsync-ing store calls never block the event loop).
 */
public final class ImapServer implements AutoCloseable {
    public static final String TLS = "tls";
    public static final String LIMIT = "limit";
    public static final String IDLE = "idle";
    public static final String CHUNKS = "chunks";
    public static final String FRAMES = "frames";
    public static final String RESPONSES = "responses";
    public static final String SESSION = "session";
    /** "* OK Still here" interval while a client idles (Dovecot's default). */
    static final Duration KEEPALIVE = Duration.ofMinutes(2);
    /** Dovecot's {@code auth_failure_delay}: a failed LOGIN / AUTHENTICATE is answered this late. */
    public static final Duration FAILED_LOGIN_DELAY = Duration.ofSeconds(2);

    private final ImapServerConfig config;
    private final MaildirStore store;
    private final Authenticator auth;
    private final Clock clock;
    private final SessionRegistry registry;
    private final ChannelGroup connections;
    private final EventExecutorGroup sessionExecutors;
    private Channel channel;
    private volatile ImapMetadata metadata;
    private volatile Duration failedLoginDelay = FAILED_LOGIN_DELAY;
    private volatile long maxLiteral = ImapServerConfig.MAX_LITERAL;

    private ImapServer(ImapServerConfig config, MaildirStore store, Authenticator auth, Clock clock,
            SessionRegistry registry, ChannelGroup connections, EventExecutorGroup sessionExecutors) {
        this.config = config;
        this.store = store;
        this.auth = auth;
        this.clock = clock;
        this.registry = registry;
        this.connections = connections;
        this.sessionExecutors = sessionExecutors;
    }

    /**
     * Offers METADATA (RFC 5464) backed by {@code metadata} from now on (null withdraws it): GETMETADATA,
     * SETMETADATA and the METADATA capability after login. Delta Chat reads the relay's shared entries and
     * stores its push token there.
     */
    public void metadata(ImapMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Caps literals (APPEND) for connections opened from now on; chatmail sets Dovecot's
     * {@code quota_max_mail_size} to {@code max_message_size}. Bigger literals are refused without reading them.
     */
    public void maxLiteral(long octets) {
        this.maxLiteral = Math.min(octets, ImapServerConfig.MAX_LITERAL);
    }

    /** Changes the delay before a failed authentication is answered, for connections opened from now on. */
    public void failedLoginDelay(Duration delay) {
        this.failedLoginDelay = delay;
    }

    /**
     * Serves IMAP on a connection accepted elsewhere whose TLS is already established (the port-443
     * ALPN multiplexer hands over "imap" connections here); the greeting is sent at once.
     */
    public void adopt(Channel connection) {
        install(connection, true);
    }

    private void install(Channel ch, boolean tlsActive) {
        connections.add(ch);
        var p = ch.pipeline();
        p.addLast(IDLE, new IdleStateHandler(config.idleTimeout().toMillis(), KEEPALIVE.toMillis(), 0, TimeUnit.MILLISECONDS));
        p.addLast(CHUNKS, new io.netty.handler.stream.ChunkedWriteHandler()); // stored messages sent from their files
        p.addLast(FRAMES, new ImapFrameDecoder(ImapServerConfig.MAX_LINE, maxLiteral));
        p.addLast(RESPONSES, new ResponseEncoder());
        p.addLast(sessionExecutors, SESSION, new ImapSessionHandler(config, store, auth, registry, clock, tlsActive, () -> metadata,
                failedLoginDelay));
    }

    public static ImapServer start(ImapServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
            MaildirStore store, Authenticator auth) throws InterruptedException {
        return start(config, boss, workers, store, auth, Clock.systemUTC());
    }

    /** As above, with the clock that dates APPENDed messages without a date-time. */
    public static ImapServer start(ImapServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
            MaildirStore store, Authenticator auth, Clock clock) throws InterruptedException {
        return start(config, boss, workers, store, auth, clock,
                org.relaycert.server.limits.ConnectionLimiter.imap(org.relaycert.server.limits.ConnectionLimit.UNLIMITED));
    }

    /** As above, turning away connections over {@code limiter}'s limits (one limiter may serve 143 and 993). */
    public static ImapServer start(ImapServerConfig config, EventLoopGroup boss, EventLoopGroup workers,
            MaildirStore store, Authenticator auth, Clock clock,
            org.relaycert.server.limits.ConnectionLimiter limiter) throws InterruptedException {
        SessionRegistry registry = new SessionRegistry();
        store.addListener(registry);
        ChannelGroup connections = new DefaultChannelGroup("imap", GlobalEventExecutor.INSTANCE);
        EventExecutorGroup executors = new DefaultEventExecutorGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
        ImapServer server = new ImapServer(config, store, auth, clock, registry, connections, executors);
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(io.netty.channel.ChannelOption.SO_REUSEADDR, true) // restart while old connections linger in TIME_WAIT
                // A client's half-close ends its input only: commands it sent before still get their answers.
                .childOption(io.netty.channel.ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(LIMIT, limiter);
                        if (config.implicitTls()) {
                            ch.pipeline().addLast(TLS, config.tls().newHandler(ch.alloc()));
                        }
                        server.install(ch, config.implicitTls());
                    }
                });
        try {
            server.channel = b.bind(config.bind()).sync().channel();
            return server;
        } catch (InterruptedException | RuntimeException e) {
            executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        // A short quiet period lets the closed connections' last events run on the session executors.
        sessionExecutors.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
