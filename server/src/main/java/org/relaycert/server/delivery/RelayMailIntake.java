package org.relaycert.server.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.federation.FederationRules;

/**
 * The reference relay's mail path for every front end: routing rules first (submission: only authenticated
 * users, MAIL FROM exactly the login, as Postfix {@code reject_sender_login_mismatch}, any recipient domain;
 * port 25 and {@code /mxdeliv}: any sender, our domain only, as {@code reject_unauth_destination}), then each
 * {@link MailPolicy} in order. Local copies go to the INBOX, remote ones to {@link RemoteDelivery}. With a
 * bounce path ({@link #withBounces}), unknown local users are accepted at RCPT like chatmail's (empty
 * {@code local_recipient_maps}, so RCPT reveals no one) and bounced after the message was taken.
 */
public final class RelayMailIntake implements MailIntake {
    private final ChatmailParams params;
    private final AccountService accounts;
    private final LocalDelivery local;
    private final RemoteDelivery remote;
    private final List<MailPolicy> policies;
    private final FederationRules.RelayAccess relayAccess;
    /** The characters of chatmail local parts: an address with any other can never be a mailbox here. */
    private static final java.util.regex.Pattern MAILBOX_CHARACTERS = java.util.regex.Pattern.compile("[a-z0-9._-]+");
    private final RecipientRouting routing;
    private final Spool spool;
    private final BounceRules bounceRules;
    private final FailureNotices notices;
    private final ReturnPath returnPath;

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
        this(params, accounts, local, remote, policies, relayAccess, routing, BounceRules.chatmail(),
                new FailureNotices(Optional.empty()), ReturnPath.ENVELOPE, spool);
    }

    private RelayMailIntake(ChatmailParams params, AccountService accounts, LocalDelivery local, RemoteDelivery remote,
                            List<MailPolicy> policies, FederationRules.RelayAccess relayAccess, RecipientRouting routing,
                            BounceRules bounceRules, FailureNotices notices, ReturnPath returnPath, Spool spool) {
        this.spool = spool;
        this.routing = routing;
        this.relayAccess = relayAccess;
        this.params = params;
        this.accounts = accounts;
        this.local = local;
        this.remote = remote;
        this.policies = List.copyOf(policies);
        this.bounceRules = bounceRules;
        this.notices = notices;
        this.returnPath = returnPath;
    }

    /**
     * This intake with a bounce path: local recipients that fail for good after the message was taken (unknown
     * users under {@link BounceRules.UnknownRecipients#BOUNCE}, full mailboxes) get a DSN sent to the message's
     * {@code returnPath}. Without one (the default) unknown users are refused at RCPT and a local failure is the
     * reply to the end of DATA, so nothing is lost either way.
     */
    public RelayMailIntake withBounces(BounceRules rules, Bounces bounces, ReturnPath returnPath) {
        return new RelayMailIntake(params, accounts, local, remote, policies, relayAccess, routing, rules,
                new FailureNotices(Optional.of(bounces)), returnPath, spool);
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
                // reject_sender_login_mismatch is a sender restriction: Postfix delays it to RCPT
                throw RejectedException.atRecipient(Reply.of(553, "5.7.1",
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
            if (routingSyntax(rcpt)) {
                // Postfix resolves these (allow_percent_hack, swap_bangpath, resolve_dequoted_address) before its
                // relay check, so they name another domain; taken as unknown users they would look relayed.
                throw new RejectedException(Reply.of(554, "5.7.1", "<" + rcpt + ">: Relay access denied"));
            }
            if (!MAILBOX_CHARACTERS.matcher(rcpt.substring(0, rcpt.lastIndexOf('@'))).matches()) {
                // no mailbox can have such a name (path tricks, control characters): refused whoever exists, so
                // the reply tells nothing about users; a wrong length is still taken and bounced, as chatmail
                throw new RejectedException(Reply.of(501, "5.1.3", "<" + rcpt + ">: Bad recipient address syntax"));
            }
            if (!acceptsUnknown() && !accounts.exists(rcpt)) {
                // Postfix's local_recipient_maps, or no bounce path to tell the sender later: refused up front.
                throw new RejectedException(Reply.of(550, "5.1.1", "<" + rcpt + ">: Recipient address rejected: User unknown"));
            }
            return rcpt;
        }
        if (partial.origin() != Origin.SUBMISSION && (relayAccess == FederationRules.RelayAccess.AUTHENTICATED
                || relayAccess == FederationRules.RelayAccess.ANYONE_OVER_MXDELIV && partial.origin() == Origin.MX)) {
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
        List<String> unknown = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        for (String r : envelope.recipients()) {
            if (discarded(envelope, r)) {
                discarded.add(r);
                continue;
            }
            (!accounts.rules().isLocal(r) ? remotes : accounts.exists(r) ? locals : unknown).add(r);
        }
        byte[] header = passed.headerOnly(); // what the return path and a bounce need of the message
        String bounceTo = returnPath.of(envelope, header);
        SpooledMessage mailboxCopy = passed;
        for (MailPolicy p : policies) {
            mailboxCopy = p.localCopy(envelope, mailboxCopy);
        }
        List<Outcome> outcomes = new ArrayList<>(local.deliver(locals, mailboxCopy));
        unknown.forEach(r -> outcomes.add(new Outcome(r, unknownUser(r))));
        discarded.forEach(r -> outcomes.add(new Outcome(r, Reply.of(250, "2.0.0", "OK"))));
        if (!remotes.isEmpty()) {
            Envelope reinjected = new Envelope(envelope.origin(), envelope.authenticatedUser(), envelope.client(),
                    envelope.tls(), envelope.heloName(), bounceTo, envelope.recipients());
            outcomes.addAll(remote.enqueue(reinjected, remotes, passed));
        }
        return notices.settle(bounceTo, header, outcomes);
    }

    private boolean discarded(Envelope envelope, String recipient) {
        for (MailPolicy p : policies) {
            if (p.discards(envelope, recipient)) {
                return true;
            }
        }
        return false;
    }

    private static boolean routingSyntax(String address) {
        String local = address.substring(0, address.lastIndexOf('@'));
        return local.chars().anyMatch(c -> c == '%' || c == '!' || c == '@' || c == '"' || c == ':');
    }

    private boolean acceptsUnknown() {
        return notices.canBounce() && bounceRules.unknownRecipients() != BounceRules.UnknownRecipients.REFUSE_AT_RCPT;
    }

    /** What local delivery answers for an address without a mailbox (Dovecot LMTP's words, or a discard). */
    private Reply unknownUser(String rcpt) {
        return bounceRules.unknownRecipients() == BounceRules.UnknownRecipients.DISCARD
                ? Reply.of(250, "2.0.0", "OK")
                : Reply.of(550, "5.1.1", "<" + rcpt + "> User doesn't exist: " + rcpt);
    }

    /** Lower-cased whole: domains are case-insensitive and chatmail localparts are lower-case only. */
    static String normalize(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
