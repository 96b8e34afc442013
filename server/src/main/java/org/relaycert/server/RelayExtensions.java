package org.relaycert.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.account.LoginCheck;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.imap.ImapRules;
import org.relaycert.server.smtp.SmtpRules;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.web.Route;

/**
 * The extension points of a relay: the parts a deployment (or a test variant that breaks exactly
 * one rule) may replace or wrap. {@link #reference()} is the reference relay; production code has no
 * fault flags, only these seams and the real-world settings they carry.
 *
 * @param creationGate  may new accounts be created now (chatmail's nocreate file, resource limits)
 * @param logins        wraps the password database every front end asks
 * @param webRoutes     edits the HTTPS route table (path -> route)
 * @param smtpRules     the Postfix-equivalent settings of every SMTP listener
 * @param imapRules     the Dovecot-equivalent settings of every IMAP listener
 * @param tlsProtocols  TLS versions per group of ports
 * @param mailPolicies  edits the list of mail-path policies (encryption, rate, DKIM, header cleanup, ...)
 * @param port443Alpn   the ALPN names port 443 hands to mail servers ({@code imap}, {@code smtp} as chatmail's
 *                      nginx does); empty makes 443 HTTPS only
 */
public record RelayExtensions(
        CreationGate creationGate,
        UnaryOperator<LoginCheck> logins,
        UnaryOperator<Map<String, Route>> webRoutes,
        UnaryOperator<SmtpRules> smtpRules,
        UnaryOperator<ImapRules> imapRules,
        TlsContexts.Protocols tlsProtocols,
        UnaryOperator<List<MailPolicy>> mailPolicies,
        Set<String> port443Alpn) {

    public static RelayExtensions reference() {
        return new RelayExtensions(CreationGate.OPEN, UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity(), UnaryOperator.identity(), TlsContexts.Protocols.chatmail(), UnaryOperator.identity(),
                Set.of("imap", "smtp"));
    }

    public RelayExtensions withCreationGate(CreationGate gate) {
        return new RelayExtensions(gate, logins, webRoutes, smtpRules, imapRules, tlsProtocols, mailPolicies, port443Alpn);
    }

    public RelayExtensions withLogins(UnaryOperator<LoginCheck> wrap) {
        return new RelayExtensions(creationGate, wrap, webRoutes, smtpRules, imapRules, tlsProtocols, mailPolicies, port443Alpn);
    }

    public RelayExtensions withWebRoutes(UnaryOperator<Map<String, Route>> edit) {
        return new RelayExtensions(creationGate, logins, edit, smtpRules, imapRules, tlsProtocols, mailPolicies, port443Alpn);
    }

    public RelayExtensions withSmtpRules(UnaryOperator<SmtpRules> edit) {
        return new RelayExtensions(creationGate, logins, webRoutes, edit, imapRules, tlsProtocols, mailPolicies, port443Alpn);
    }

    public RelayExtensions withImapRules(UnaryOperator<ImapRules> edit) {
        return new RelayExtensions(creationGate, logins, webRoutes, smtpRules, edit, tlsProtocols, mailPolicies, port443Alpn);
    }

    public RelayExtensions withMailPolicies(UnaryOperator<List<MailPolicy>> edit) {
        return new RelayExtensions(creationGate, logins, webRoutes, smtpRules, imapRules, tlsProtocols, edit, port443Alpn);
    }

    public RelayExtensions withPort443Alpn(Set<String> names) {
        return new RelayExtensions(creationGate, logins, webRoutes, smtpRules, imapRules, tlsProtocols, mailPolicies,
                Set.copyOf(names));
    }

    public RelayExtensions withTlsProtocols(TlsContexts.Protocols protocols) {
        return new RelayExtensions(creationGate, logins, webRoutes, smtpRules, imapRules, protocols, mailPolicies, port443Alpn);
    }
}
