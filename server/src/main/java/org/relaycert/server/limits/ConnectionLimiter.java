package org.relaycert.server.limits;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts one listener's open connections, in total and per client address, and turns away a connection
 * over either limit before the protocol sees it: Postfix's {@code maxproc} and
 * {@code smtpd_client_connection_count_limit}, Dovecot's {@code process_limit}. The refusal line goes out
 * on plaintext connections only; an implicit-TLS connection over the limit is closed without a word
 * (there is no session to speak in yet). Shared by all connections of the listener; first in the pipeline.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("relaycert.counted");

    private final ConnectionLimit limit;
    private final Function<InetAddress, String> refusal;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    /** {@code refusal}: the protocol's line (without CRLF) for a client turned away, given its address. */
    public ConnectionLimiter(ConnectionLimit limit, Function<InetAddress, String> refusal) {
        this.limit = limit;
        this.refusal = refusal;
    }

    /** SMTP: Postfix's answer when a client holds too many connections ({@code 421 4.7.0}). */
    public static ConnectionLimiter smtp(ConnectionLimit limit, String hostname) {
        return new ConnectionLimiter(limit,
                ip -> "421 4.7.0 " + hostname + " Error: too many connections from " + ip.getHostAddress());
    }

    /** IMAP: an untagged BYE with RFC 9051's {@code UNAVAILABLE} code. */
    public static ConnectionLimiter imap(ConnectionLimit limit) {
        return new ConnectionLimiter(limit, ip -> "* BYE [UNAVAILABLE] Too many connections, try again later");
    }

    /** Connections counted now (for tests and operators). */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress ip = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        AtomicInteger mine = perAddress.computeIfAbsent(ip, k -> new AtomicInteger());
        int total = open.incrementAndGet();
        int fromIp = mine.incrementAndGet();
        ctx.channel().attr(COUNTED).set(ip);
        if (total > limit.max() || fromIp > limit.perAddress()) {
            log.info("connection from {} refused: {} open ({} from it), limits {}", ip, total, fromIp, limit);
            if (ctx.pipeline().get(SslHandler.class) == null) {
                ctx.writeAndFlush(Unpooled.copiedBuffer(refusal.apply(ip) + "\r\n", StandardCharsets.US_ASCII))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
            return; // the protocol never learns of this connection: no greeting
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress ip = ctx.channel().attr(COUNTED).getAndSet(null);
        if (ip != null) {
            open.decrementAndGet();
            perAddress.computeIfPresent(ip, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
        super.channelInactive(ctx);
    }
}
