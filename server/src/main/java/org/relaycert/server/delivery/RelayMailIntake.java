package org.relaycert.server.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.config.ChatmailParams;

/**
 * The reference relay's routing rules for every front end. Submission: only authenticated users, MAIL
 * FROM exactly the login (Postfix {@code reject_sender_login_mismatch}), any recipient domain. Port 25 and
 * {@code /mxdeliv}: any sender, our domain only ({@code reject_unauth_destination}). Local copies go
 * to the INBOX, remote ones to {@link RemoteDelivery}.
 */
public final class RelayMailIntake implements MailIntake {
    private final ChatmailParams params;
    private final AccountService accounts;
    private final LocalDelivery local;
    private final RemoteDelivery remote;

    public RelayMailIntake(ChatmailParams params, AccountService accounts, LocalDelivery local, RemoteDelivery remote) {
        this.params = params;
        this.accounts = accounts;
        this.local = local;
        this.remote = remote;
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
    }

    @Override
    public String recipient(Envelope partial, String recipient) throws RejectedException {
        String rcpt = normalize(recipient);
        if (accounts.rules().isLocal(rcpt)) {
            if (!accounts.exists(rcpt)) {
                // chatmail accepts and bounces later; without a bounce path we refuse up front, losing nothing.
                throw new RejectedException(Reply.of(550, "5.1.1", "<" + rcpt + ">: Recipient address rejected: User unknown"));
            }
            return rcpt;
        }
        if (partial.origin() != Origin.SUBMISSION) {
            throw new RejectedException(Reply.of(554, "5.7.1", "<" + rcpt + ">: Relay access denied"));
        }
        if (!remote.accepts(rcpt)) {
            throw new RejectedException(Reply.of(550, "5.7.1", "<" + rcpt + ">: No route to remote domain"));
        }
        return rcpt;
    }

    @Override
    public Reply message(Envelope envelope, byte[] message) throws RejectedException {
        if (message.length > params.maxMessageSize()) {
            throw new RejectedException(Reply.of(552, "5.3.4", "Message size exceeds fixed limit"));
        }
        List<String> locals = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        for (String r : envelope.recipients()) {
            (accounts.rules().isLocal(r) ? locals : remotes).add(r);
        }
        List<Outcome> outcomes = new ArrayList<>(local.deliver(locals, message));
        if (!remotes.isEmpty()) {
            outcomes.addAll(remote.enqueue(envelope, remotes, message));
        }
        return MailIntake.summary(outcomes);
    }

    /** Lower-cased whole: domains are case-insensitive and chatmail localparts are lower-case only. */
    static String normalize(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
