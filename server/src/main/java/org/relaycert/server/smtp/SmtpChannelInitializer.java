package org.relaycert.server.smtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.limits.ConnectionLimiter;

/** Builds one connection's pipeline: limit - [tls] - idle - lines - data - session (also on connections adopted from port 443). */
final class SmtpChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String LIMIT = "limit";
    static final String TLS = "tls";
    static final String IDLE = "idle";
    static final String LINES = "lines";
    static final String DATA = "data";
    static final String SESSION = "session";

    private final SmtpServerConfig config;
    private final MailIntake intake;
    private final Authenticator authenticator;
    private final Executor blocking;
    private final ChannelGroup connections;
    private final ConnectionLimiter limiter;

    SmtpChannelInitializer(SmtpServerConfig config, MailIntake intake, Authenticator authenticator, Executor blocking,
                           ChannelGroup connections, ConnectionLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
        this.connections = connections;
        this.intake = intake;
        this.authenticator = authenticator;
        this.blocking = blocking;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        install(ch, false);
    }

    /**
     * Adds the stages to {@code ch}. {@code tlsDone}: TLS was already terminated in front (port 443 with
     * ALPN {@code smtp}), so no TLS stage is added and the greeting goes out at once.
     */
    void install(Channel ch, boolean tlsDone) {
        connections.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (!tlsDone) {
            p.addLast(LIMIT, limiter); // connections handed over from 443 were counted there (nginx)
        }
        if (config.port().implicitTls() && !tlsDone) {
            p.addLast(TLS, config.tls().newHandler(ch.alloc()));
        }
        p.addLast(IDLE, new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        LineFramer lines = new LineFramer(config.maxLineLength());
        DataFramer data = new DataFramer(lines, config.maxMessageSize(), intake.spool());
        p.addLast(LINES, lines);
        p.addLast(DATA, data);
        SmtpSession session = new SmtpSession(config, intake, authenticator, blocking, lines, data);
        p.addLast(SESSION, new SmtpSessionHandler(session));
        if (tlsDone) {
            session.tlsEstablished();
            session.greet();
        }
    }
}
