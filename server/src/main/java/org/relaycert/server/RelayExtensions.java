package org.relaycert.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.account.LoginCheck;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.expiry.ExpiryRules;
import org.relaycert.server.federation.FederationRules;
import org.relaycert.server.imap.ImapRules;
import org.relaycert.server.push.Notifier;
import org.relaycert.server.push.PushRules;
import org.relaycert.server.smtp.SmtpRules;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.web.Route;

/**
 * The extension points of a relay: the parts a deployment (or a test variant that breaks exactly one rule)
 * may replace or wrap. {@link #reference()} is the reference relay; production code has no fault flags, only
 * these seams and the real-world settings they carry. Immutable: each {@code with...} returns a copy.
 */
public final class RelayExtensions implements Cloneable {
    private CreationGate creationGate = CreationGate.OPEN;
    private UnaryOperator<LoginCheck> logins = UnaryOperator.identity();
    private UnaryOperator<Map<String, Route>> webRoutes = UnaryOperator.identity();
    private UnaryOperator<SmtpRules> smtpRules = UnaryOperator.identity();
    private UnaryOperator<org.relaycert.server.limits.ConnectionLimit> smtpConnectionLimit = UnaryOperator.identity();
    private UnaryOperator<ImapRules> imapRules = UnaryOperator.identity();
    private TlsContexts.Protocols tlsProtocols = TlsContexts.Protocols.chatmail();
    private UnaryOperator<List<MailPolicy>> mailPolicies = UnaryOperator.identity();
    private Set<String> port443Alpn = Set.of("imap", "smtp");
    private UnaryOperator<FederationRules> federationRules = UnaryOperator.identity();
    private UnaryOperator<PushRules> pushRules = UnaryOperator.identity();
    private UnaryOperator<Notifier> notifier = UnaryOperator.identity();
    private UnaryOperator<ExpiryRules> expiryRules = UnaryOperator.identity();
    private UnaryOperator<org.relaycert.server.push.SharedEntries> sharedEntries = UnaryOperator.identity();
    private java.util.Optional<org.relaycert.server.limits.SystemProbe> systemProbe = java.util.Optional.empty();
    private org.relaycert.server.delivery.RecipientRouting recipientRouting = org.relaycert.server.delivery.RecipientRouting.LITERAL;
    private org.relaycert.server.account.UnknownAccountLogin unknownAccountLogin =
            org.relaycert.server.account.UnknownAccountLogin.DUMMY_HASH;

    private UnaryOperator<org.relaycert.server.delivery.BounceRules> bounceRules = UnaryOperator.identity();

    private RelayExtensions() {
    }

    public static RelayExtensions reference() {
        return new RelayExtensions();
    }

    private RelayExtensions copy() {
        try {
            return (RelayExtensions) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** May new accounts be created now (chatmail's nocreate file, resource limits). */
    public CreationGate creationGate() {
        return creationGate;
    }

    public RelayExtensions withCreationGate(CreationGate gate) {
        RelayExtensions c = copy();
        c.creationGate = gate;
        return c;
    }

    /** Wraps the password database every front end asks. */
    public UnaryOperator<LoginCheck> logins() {
        return logins;
    }

    public RelayExtensions withLogins(UnaryOperator<LoginCheck> wrap) {
        RelayExtensions c = copy();
        c.logins = wrap;
        return c;
    }

    /** Edits the HTTPS route table (path -> route). */
    public UnaryOperator<Map<String, Route>> webRoutes() {
        return webRoutes;
    }

    public RelayExtensions withWebRoutes(UnaryOperator<Map<String, Route>> edit) {
        RelayExtensions c = copy();
        c.webRoutes = edit;
        return c;
    }

    /** The Postfix-equivalent settings of every SMTP listener. */
    public UnaryOperator<SmtpRules> smtpRules() {
        return smtpRules;
    }

    public RelayExtensions withSmtpRules(UnaryOperator<SmtpRules> edit) {
        RelayExtensions c = copy();
        c.smtpRules = edit;
        return c;
    }

    /** Changes to each SMTP port's connection limits (chatmail's: max_smtp_connections, a fifth per client). */
    public UnaryOperator<org.relaycert.server.limits.ConnectionLimit> smtpConnectionLimit() {
        return smtpConnectionLimit;
    }

    public RelayExtensions withSmtpConnectionLimit(UnaryOperator<org.relaycert.server.limits.ConnectionLimit> edit) {
        RelayExtensions c = copy();
        c.smtpConnectionLimit = edit;
        return c;
    }

    /** The Dovecot-equivalent settings of every IMAP listener. */
    public UnaryOperator<ImapRules> imapRules() {
        return imapRules;
    }

    public RelayExtensions withImapRules(UnaryOperator<ImapRules> edit) {
        RelayExtensions c = copy();
        c.imapRules = edit;
        return c;
    }

    /** TLS versions per group of ports. */
    public TlsContexts.Protocols tlsProtocols() {
        return tlsProtocols;
    }

    public RelayExtensions withTlsProtocols(TlsContexts.Protocols protocols) {
        RelayExtensions c = copy();
        c.tlsProtocols = protocols;
        return c;
    }

    /** Edits the list of mail-path policies (encryption, rate, DKIM, header cleanup, ...). */
    public UnaryOperator<List<MailPolicy>> mailPolicies() {
        return mailPolicies;
    }

    public RelayExtensions withMailPolicies(UnaryOperator<List<MailPolicy>> edit) {
        RelayExtensions c = copy();
        c.mailPolicies = edit;
        return c;
    }

    /** The ALPN names port 443 hands to mail servers (imap, smtp as chatmail's nginx); empty: HTTPS only. */
    public Set<String> port443Alpn() {
        return port443Alpn;
    }

    public RelayExtensions withPort443Alpn(Set<String> names) {
        RelayExtensions c = copy();
        c.port443Alpn = Set.copyOf(names);
        return c;
    }

    /** How the relay federates: relay access, outbound TLS, /mxdeliv, DKIM signing. */
    public UnaryOperator<FederationRules> federationRules() {
        return federationRules;
    }

    public RelayExtensions withFederationRules(UnaryOperator<FederationRules> edit) {
        RelayExtensions c = copy();
        c.federationRules = edit;
        return c;
    }

    /** How device tokens are kept and the gateway is retried. */
    public UnaryOperator<PushRules> pushRules() {
        return pushRules;
    }

    public RelayExtensions withPushRules(UnaryOperator<PushRules> edit) {
        RelayExtensions c = copy();
        c.pushRules = edit;
        return c;
    }

    /** Wraps or replaces the notifier that wakes devices on delivery. */
    public UnaryOperator<Notifier> notifier() {
        return notifier;
    }

    public RelayExtensions withNotifier(UnaryOperator<Notifier> wrap) {
        RelayExtensions c = copy();
        c.notifier = wrap;
        return c;
    }

    /** How the expiry sweep measures a message's age and what it keeps. */
    public UnaryOperator<ExpiryRules> expiryRules() {
        return expiryRules;
    }

    public RelayExtensions withExpiryRules(UnaryOperator<ExpiryRules> edit) {
        RelayExtensions c = copy();
        c.expiryRules = edit;
        return c;
    }

    /** The server entries served over IMAP METADATA (iroh relay, TURN, app versions, ...). */
    public UnaryOperator<org.relaycert.server.push.SharedEntries> sharedEntries() {
        return sharedEntries;
    }

    public RelayExtensions withSharedEntries(UnaryOperator<org.relaycert.server.push.SharedEntries> edit) {
        RelayExtensions c = copy();
        c.sharedEntries = edit;
        return c;
    }

    /** How the host's load, memory and free disk are read for the new-account limits; empty: this host's. */
    public java.util.Optional<org.relaycert.server.limits.SystemProbe> systemProbe() {
        return systemProbe;
    }

    public RelayExtensions withSystemProbe(org.relaycert.server.limits.SystemProbe probe) {
        RelayExtensions c = copy();
        c.systemProbe = java.util.Optional.of(probe);
        return c;
    }

    /** How addresses of the relay's own domain resolve (chatmail: literally). */
    public org.relaycert.server.delivery.RecipientRouting recipientRouting() {
        return recipientRouting;
    }

    public RelayExtensions withRecipientRouting(org.relaycert.server.delivery.RecipientRouting routing) {
        RelayExtensions c = copy();
        c.recipientRouting = routing;
        return c;
    }

    /** What a refused login costs for an address without an account (the reference: a dummy password hash). */
    public org.relaycert.server.account.UnknownAccountLogin unknownAccountLogin() {
        return unknownAccountLogin;
    }

    public RelayExtensions withUnknownAccountLogin(org.relaycert.server.account.UnknownAccountLogin cost) {
        RelayExtensions c = copy();
        c.unknownAccountLogin = cost;
        return c;
    }

    /** What becomes of accepted mail a local mailbox cannot take: unknown users, forged return paths. */
    public UnaryOperator<org.relaycert.server.delivery.BounceRules> bounceRules() {
        return bounceRules;
    }

    public RelayExtensions withBounceRules(UnaryOperator<org.relaycert.server.delivery.BounceRules> edit) {
        RelayExtensions c = copy();
        c.bounceRules = edit;
        return c;
    }
}
