package org.relaycert.server.imap;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;

/**
 * One IMAP listener. {@code implicitTls} = port 993 style; otherwise port 143 style with STARTTLS
 * offered (and login refused until TLS). {@code quotaBytes} is the STORAGE limit reported by QUOTA;
 * {@code idleTimeout} closes connections that send nothing for that long (also while in IDLE; RFC 3501
 * wants at least 30 minutes). {@code tls} may be null only for a plaintext test listener. {@code extraCapabilities}
 * are this listener's own (XDELTAPUSH once push is offered); {@code rules} are the Dovecot-equivalent settings.
 */
public record ImapServerConfig(InetSocketAddress bind, boolean implicitTls, SslContext tls, String hostname,
        long quotaBytes, Set<String> extraCapabilities, Duration idleTimeout, ImapRules rules) {

    /** Largest literal accepted (APPEND); bigger ones are refused and their octets discarded. */
    public static final long MAX_LITERAL = 50L * 1024 * 1024;
    /** Longest command text between literals. */
    public static final int MAX_LINE = 64 * 1024;

    public ImapServerConfig {
        extraCapabilities = Set.copyOf(extraCapabilities);
        java.util.Objects.requireNonNull(rules, "rules");
    }

    /** A listener with chatmail's rules. */
    public ImapServerConfig(InetSocketAddress bind, boolean implicitTls, SslContext tls, String hostname,
                            long quotaBytes, Set<String> extraCapabilities, Duration idleTimeout) {
        this(bind, implicitTls, tls, hostname, quotaBytes, extraCapabilities, idleTimeout, ImapRules.chatmail());
    }
}
