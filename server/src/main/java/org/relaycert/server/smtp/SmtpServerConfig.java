package org.relaycert.server.smtp;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One SMTP listener.
 *
 * @param port           which of the three listeners this is (policy and TLS mode)
 * @param bind           address to listen on (port 0 picks a free one)
 * @param hostname       name in the greeting, EHLO reply and 421 texts
 * @param tls            server TLS context: {@code TlsContexts.clientPorts()} (TLS 1.3) for 587/465,
 *                       {@code TlsContexts.mx()} (TLS 1.2+) for 25
 * @param maxLineLength  longest command line in octets including CRLF; longer lines get
 *                       {@code 500 5.5.2 Line too long}. RFC 5321 4.5.3.1.4 sets 512 as the floor; the
 *                       default 2048 (Postfix's {@code line_length_limit}) leaves room for AUTH PLAIN with
 *                       long passwords and MAIL parameters. DATA text lines are not limited (Postfix accepts
 *                       long lines too); only the message size is.
 * @param maxRecipients  RCPT limit per transaction (Postfix default 1000); the next gets 452 4.5.3
 * @param maxMessageSize largest message in octets (after dot-unstuffing), advertised as SIZE
 * @param idleTimeout    no input for this long gets {@code 421 4.4.2} and the connection closed
 * @param rules          the Postfix-equivalent settings; {@link SmtpRules#chatmail()} for chatmail
 */
public record SmtpServerConfig(
        SmtpPort port,
        InetSocketAddress bind,
        String hostname,
        SslContext tls,
        int maxLineLength,
        int maxRecipients,
        long maxMessageSize,
        Duration idleTimeout,
        SmtpRules rules) {

    public static final int DEFAULT_MAX_LINE_LENGTH = 2048;
    public static final int DEFAULT_MAX_RECIPIENTS = 1000;
    /** chatmail's {@code max_message_size} default, 30 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 31_457_280L;
    /** Postfix {@code smtpd_timeout}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);

    public SmtpServerConfig {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(rules, "rules");
        if (maxLineLength < 512) {
            throw new IllegalArgumentException("maxLineLength below the RFC 5321 minimum of 512: " + maxLineLength);
        }
        if (maxRecipients < 100) {
            throw new IllegalArgumentException("maxRecipients below the RFC 5321 minimum of 100: " + maxRecipients);
        }
        if (maxMessageSize < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("maxMessageSize and idleTimeout must be positive");
        }
    }

    /** A listener with chatmail's rules. */
    public SmtpServerConfig(SmtpPort port, InetSocketAddress bind, String hostname, SslContext tls, int maxLineLength,
                            int maxRecipients, long maxMessageSize, Duration idleTimeout) {
        this(port, bind, hostname, tls, maxLineLength, maxRecipients, maxMessageSize, idleTimeout, SmtpRules.chatmail());
    }

    public SmtpServerConfig withRules(SmtpRules newRules) {
        return new SmtpServerConfig(port, bind, hostname, tls, maxLineLength, maxRecipients, maxMessageSize,
                idleTimeout, newRules);
    }

    /** A listener with the chatmail/Postfix defaults for the limits. */
    public static SmtpServerConfig withDefaults(SmtpPort port, InetSocketAddress bind, String hostname, SslContext tls) {
        return new SmtpServerConfig(port, bind, hostname, tls, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_RECIPIENTS,
                DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_IDLE_TIMEOUT);
    }
}
