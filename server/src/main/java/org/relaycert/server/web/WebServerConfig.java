package org.relaycert.server.web;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.relaycert.server.config.ChatmailParams;

/**
 * What the HTTPS front end needs to know.
 *
 * @param bind             where to listen (port 0: any free port)
 * @param tls              the server context, made by the caller (see {@code TlsContexts})
 * @param mailDomain       the relay's domain, also the host name in autoconfig and MTA-STS
 * @param params           chatmail's parameters (credential shape, self-signed mode)
 * @param smtpsPort        advertised in autoconfig (465 in production)
 * @param submissionPort   advertised in autoconfig (587)
 * @param imapsPort        advertised in autoconfig (993)
 * @param imapPort         advertised in autoconfig (143)
 * @param alpnPort         the port-443 ALPN multiplexer, also advertised in autoconfig; 0 when there is none
 * @param dialHost         what a {@code dclogin:} URL names as {@code ih}/{@code sh}: the address of an IPv4
 *                         relay, as chatmail does; empty to leave the hosts out
 * @param maxContentLength largest request body accepted (bigger gets 413)
 * @param idleTimeout      a connection with no traffic for this long is closed
 */
public record WebServerConfig(
        InetSocketAddress bind,
        SslContext tls,
        String mailDomain,
        ChatmailParams params,
        int smtpsPort,
        int submissionPort,
        int imapsPort,
        int imapPort,
        int alpnPort,
        Optional<String> dialHost,
        int maxContentLength,
        Duration idleTimeout) {

    public static final int DEFAULT_MAX_CONTENT_LENGTH = 64 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public WebServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(mailDomain, "mailDomain");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(dialHost, "dialHost");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxContentLength <= 0) {
            throw new IllegalArgumentException("maxContentLength must be positive");
        }
    }

    /**
     * No ALPN multiplexer, default limits; the dial host is the domain itself for IPv4 relays, else none.
     */
    public WebServerConfig(InetSocketAddress bind, SslContext tls, String mailDomain, ChatmailParams params,
            int smtpsPort, int submissionPort, int imapsPort, int imapPort) {
        this(bind, tls, mailDomain, params, smtpsPort, submissionPort, imapsPort, imapPort, 0,
                defaultDialHost(mailDomain, params), DEFAULT_MAX_CONTENT_LENGTH, DEFAULT_IDLE_TIMEOUT);
    }

    public WebServerConfig withAlpnPort(int port) {
        return new WebServerConfig(bind, tls, mailDomain, params, smtpsPort, submissionPort, imapsPort, imapPort,
                port, dialHost, maxContentLength, idleTimeout);
    }

    public WebServerConfig withDialHost(Optional<String> host) {
        return new WebServerConfig(bind, tls, mailDomain, params, smtpsPort, submissionPort, imapsPort, imapPort,
                alpnPort, host, maxContentLength, idleTimeout);
    }

    public WebServerConfig withMaxContentLength(int bytes) {
        return new WebServerConfig(bind, tls, mailDomain, params, smtpsPort, submissionPort, imapsPort, imapPort,
                alpnPort, dialHost, bytes, idleTimeout);
    }

    public WebServerConfig withIdleTimeout(Duration timeout) {
        return new WebServerConfig(bind, tls, mailDomain, params, smtpsPort, submissionPort, imapsPort, imapPort,
                alpnPort, dialHost, maxContentLength, timeout);
    }

    /** Self-signed relays (a {@code _} domain or an IP literal) get JSON on {@code GET /new} and no HSTS. */
    public boolean selfSigned() {
        return params.selfSignedDomain();
    }

    private static Optional<String> defaultDialHost(String mailDomain, ChatmailParams params) {
        // chatmaild newemail.py names ih/sh only for IPv4 relays (config.ipv4_relay); a domain, even an
        // underscore one, is left for the client to resolve. Self-signed and not "_": an IPv4 literal.
        boolean ipv4Relay = params.selfSignedDomain() && !mailDomain.startsWith("_");
        return ipv4Relay ? Optional.of(mailDomain) : Optional.empty();
    }
}
