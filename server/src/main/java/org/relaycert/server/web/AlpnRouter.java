package org.relaycert.server.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslHandler;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Port 443 as chatmail uses it: after the TLS handshake, ALPN {@code imap} hands the connection to IMAP,
 * {@code smtp} to submission, anything else (or no ALPN) stays HTTPS. Delta Chat sends these names when it
 * reaches a relay on 443. The mail protocols keep their TLS 1.3 rule on this port too.
 */
final class AlpnRouter extends ApplicationProtocolNegotiationHandler {
    private static final Logger log = LoggerFactory.getLogger(AlpnRouter.class);

    private final Map<String, Consumer<Channel>> adopters;
    private final Consumer<Channel> http;

    AlpnRouter(Map<String, Consumer<Channel>> adopters, Consumer<Channel> http) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.adopters = Map.copyOf(adopters);
        this.http = http;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        Consumer<Channel> adopter = adopters.get(protocol);
        if (adopter == null) {
            http.accept(ctx.channel());
            return;
        }
        String tls = ctx.pipeline().get(SslHandler.class).engine().getSession().getProtocol();
        if (!"TLSv1.3".equals(tls)) {
            log.debug("ALPN {} over {} refused: the mail ports require TLS 1.3", protocol, tls);
            ctx.close();
            return;
        }
        adopter.accept(ctx.channel());
    }
}
