package org.relaycert.server.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EHLO (RFC 5321 section 4.1.1.1); starts a new session state, like RSET.
 *
 * <pre>
 * ehlo          = "EHLO" SP ( Domain / address-literal ) CRLF
 * ehlo-ok-rsp   = ( "250" SP Domain [ SP ehlo-greet ] CRLF )
 *                 / ( "250-" Domain [ SP ehlo-greet ] CRLF *( "250-" ehlo-line CRLF ) "250" SP ehlo-line CRLF )
 * </pre>
 * Advertises SIZE, PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES; STARTTLS until TLS is up (never on 465);
 * AUTH PLAIN LOGIN only on the submission ports once TLS is up (spec 2.3, {@code smtpd_tls_auth_only}).
 */
final class Ehlo implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        String domain = argument.strip();
        if (domain.isEmpty() || domain.contains(" ") || Ehlo.hasControlCharacters(domain)) {
            throw SmtpException.syntax("EHLO hostname");
        }
        session.greeted(domain);
        SmtpServerConfig config = session.config();
        List<String> lines = new ArrayList<>();
        lines.add(config.hostname());
        lines.add("SIZE " + config.maxMessageSize());
        lines.add("PIPELINING");
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        if (!session.tlsActive()) {
            lines.add("STARTTLS");
        }
        if (config.port().submission() && (session.tlsActive() || !config.rules().authOnlyAfterTls())) {
            lines.add("AUTH PLAIN LOGIN");
        }
        lines.subList(1, lines.size()).removeIf(l -> config.rules().discardEhloKeywords().contains(l.split(" ", 2)[0].toUpperCase(Locale.ROOT)));
        session.replyLines(250, lines);
    }

    /** NUL and other controls are no part of a domain or address literal (RFC 5321 4.1.2); they get 501. */
    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
