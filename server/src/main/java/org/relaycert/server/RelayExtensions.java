package org.relaycert.server;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.account.LoginCheck;
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
 */
public record RelayExtensions(
        CreationGate creationGate,
        UnaryOperator<LoginCheck> logins,
        UnaryOperator<Map<String, Route>> webRoutes,
        UnaryOperator<SmtpRules> smtpRules,
        UnaryOperator<ImapRules> imapRules,
        TlsContexts.Protocols tlsProtocols) {

    public static RelayExtensions reference() {
        return new RelayExtensions(CreationGate.OPEN, UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity(), UnaryOperator.identity(), TlsContexts.Protocols.chatmail());
    }

    public RelayExtensions withCreationGate(CreationGate gate) {
        return new RelayExtensions(gate, logins, webRoutes, smtpRules, imapRules, tlsProtocols);
    }

    public RelayExtensions withLogins(UnaryOperator<LoginCheck> wrap) {
        return new RelayExtensions(creationGate, wrap, webRoutes, smtpRules, imapRules, tlsProtocols);
    }

    public RelayExtensions withWebRoutes(UnaryOperator<Map<String, Route>> edit) {
        return new RelayExtensions(creationGate, logins, edit, smtpRules, imapRules, tlsProtocols);
    }

    public RelayExtensions withSmtpRules(UnaryOperator<SmtpRules> edit) {
        return new RelayExtensions(creationGate, logins, webRoutes, edit, imapRules, tlsProtocols);
    }

    public RelayExtensions withImapRules(UnaryOperator<ImapRules> edit) {
        return new RelayExtensions(creationGate, logins, webRoutes, smtpRules, edit, tlsProtocols);
    }

    public RelayExtensions withTlsProtocols(TlsContexts.Protocols protocols) {
        return new RelayExtensions(creationGate, logins, webRoutes, smtpRules, imapRules, protocols);
    }
}
