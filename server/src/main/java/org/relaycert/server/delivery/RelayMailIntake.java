package org.relaycert.server.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.federation.FederationRules;

/**
 * The reference relay's mail path for every front end: routing rules first (submission: only authenticated
 * users, MAIL FROM exactly the login, as Postfix {@code reject_sender_login_mismatch}, any recipient domain;
 * port 25 and {@code /mxdeliv}: any sender, our domain only, as {@code reject_unauth_destination}), then each
 * {@link MailPolicy} in order. Local copies go to the INBOX, remote ones to {@link RemoteDelivery}.
 */
public final class RelayMailIntake implements MailIntake {
    private final ChatmailParams params;
    private final AccountService accounts;
    private final LocalDelivery local;
    private final RemoteDelivery remote;
    private final List<MailPolicy> policies;
    private final FederationRules.RelayAccess relayAccess;
    private final RecipientRouting routing;
    private final Spool spool;

    public RelayMailIntake(ChatmailParams params, AccountService accounts, LocalDelivery local, RemoteDelivery remote,
                           List<MailPolicy> policies) {
        this(params, accounts, local, remote, policies, FederationRules.RelayAccess.AUTHENTICATED);
    }

    /** {@code relayAccess}: Postfix {@code smtpd_relay_restrictions}, who may send to other domains. */
    public RelayMailIntake(ChatmailParams params, AccountService accounts, LocalDelivery local, RemoteDelivery remote,
                           List<MailPolicy> policies, FederationRules.RelayAccess relayAccess) {
        this(params, accounts, local, remote, policies, relayAccess, RecipientRouting.LITERAL);
    }

    /** {@code routing}: how an address of our domain resolves to its destination, after the relay-access decision. */
    public RelayMailIntake(ChatmailParams params, AccountService accounts, LocalDelivery local, RemoteDelivery remote,
                           List<MailPolicy> policies, FederationRules.RelayAccess relayAccess, RecipientRouting routing) {
        this(params, accounts, local, remote, policies, relayAccess, routing, Spool.temporary());
    }

    /** {@code spool}: where front ends keep messages while they arrive (the data directory's {@code spool}). */
    public RelayMailIntake(ChatmailParams params, AccountService accounts, LocalDelivery local, RemoteDelivery remote,
                           List<MailPolicy> policies, FederationRules.RelayAccess relayAccess, RecipientRouting routing,
                           Spool spool) {
        this.spool = spool;
        this.routing = routing;
        this.relayAccess = relayAccess;
        this.params = params;
        this.accounts = accounts;
        this.local = local;
        this.remote = remote;
        this.policies = List.copyOf(policies);
    }

    @Override
    public void sender(Envelope partial, long declaredSize) throws RejectedException {
        if (declaredSize > params.maxMessageSize()) {
            throw new RejectedException(Reply.of(552, "5.3.4", "Message size exceeds fixed limit"));
        }
        if (partial.origin() == Origin.SUBMISSION) {
            String login = partial.authenticatedUser().orElseThrow(() ->
                    new RejectedException(Reply.of(530, "5.7.0", "Authentication required")));
            if (!login.equalsIgnoreCase(partial.mailFrom())) {
                throw new RejectedException(Reply.of(553, "5.7.1",
                        "<" + partial.mailFrom() + ">: Sender address rejected: not owned by user " + login));
            }
        }
        for (MailPolicy p : policies) {
            p.sender(partial, declaredSize);
        }
    }

    @Override
    public String recipient(Envelope partial, String recipient) throws RejectedException {
        String rcpt = route(partial, normalize(recipient));
        for (MailPolicy p : policies) {
            p.recipient(partial, rcpt);
        }
        return rcpt;
    }

    private String route(Envelope partial, String received) throws RejectedException {
        String rcpt = received;
        if (accounts.rules().isLocal(received)) {
            rcpt = routing.resolve(received);
            if (!accounts.rules().isLocal(rcpt)) {
                // addressed to us as received, so no relay-access decision applies to where it resolved
                return remoteDestination(rcpt);
            }
        }
        if (accounts.rules().isLocal(rcpt)) {
            if (!accounts.exists(rcpt)) {
                // chatmail accepts and bounces later; without a bounce path we refuse up front, losing nothing.
                throw new RejectedException(Reply.of(550, "5.1.1", "<" + rcpt + ">: Recipient address rejected: User unknown"));
            }
            return rcpt;
        }
        if (partial.origin() != Origin.SUBMISSION && relayAccess == FederationRules.RelayAccess.AUTHENTICATED) {
            throw new RejectedException(Reply.of(554, "5.7.1", "<" + rcpt + ">: Relay access denied"));
        }
        return remoteDestination(rcpt);
    }

    private String remoteDestination(String rcpt) throws RejectedException {
        if (!remote.accepts(rcpt)) {
            throw new RejectedException(Reply.of(550, "5.7.1", "<" + rcpt + ">: No route to remote domain"));
        }
        return rcpt;
    }

    @Override
    public boolean knows(String address) {
        String a = normalize(address.strip().replaceAll("^<|>$", ""));
        return accounts.rules().isLocal(a) && accounts.exists(a);
    }

    @Override
    public Spool spool() {
        return spool;
    }

    @Override
    public Reply message(Envelope envelope, byte[] message) throws RejectedException {
        return message(envelope, SpooledMessage.of(message));
    }

    @Override
    public Reply message(Envelope envelope, SpooledMessage message) throws RejectedException {
        if (message.size() > params.maxMessageSize()) {
            throw new RejectedException(Reply.of(552, "5.3.4", "Message size exceeds fixed limit"));
        }
        SpooledMessage passed = message;
        for (MailPolicy p : policies) {
            passed = p.message(envelope, passed);
        }
        List<String> locals = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        for (String r : envelope.recipients()) {
            (accounts.rules().isLocal(r) ? locals : remotes).add(r);
        }
        List<Outcome> outcomes = new ArrayList<>(local.deliver(locals, passed));
        if (!remotes.isEmpty()) {
            outcomes.addAll(remote.enqueue(envelope, remotes, passed));
        }
        return MailIntake.summary(outcomes);
    }

    /** Lower-cased whole: domains are case-insensitive and chatmail localparts are lower-case only. */
    static String normalize(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
