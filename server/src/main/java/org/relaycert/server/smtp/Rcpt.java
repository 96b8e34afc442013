package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Reply;

/**
 * RCPT (RFC 5321 section 4.1.1.3). The intake accepts or refuses each recipient and returns its normalized
 * form. No RCPT parameters are offered (no DSN), so any is refused with 555.
 *
 * <pre>
 * rcpt = "RCPT TO:" ( "&lt;Postmaster@" Domain "&gt;" / "&lt;Postmaster&gt;" / Forward-path )
 *        [SP Rcpt-parameters] CRLF
 * </pre>
 * More than {@code maxRecipients} gets {@code 452 4.5.3} (RFC 5321 section 4.5.3.1.10: a temporary
 * failure, so the client sends the rest in another transaction).
 */
final class Rcpt implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        Transaction transaction = session.transaction();
        if (transaction == null) {
            throw SmtpException.badSequence("need MAIL command");
        }
        PathArgument path;
        try {
            path = PathArgument.parse(argument, "TO:");
        } catch (IllegalArgumentException e) {
            throw new SmtpException(501, "5.1.3", "Bad recipient address syntax");
        }
        if (path.address().isEmpty()) {
            throw new SmtpException(501, "5.1.3", "Bad recipient address syntax");
        }
        if (!path.params().isEmpty()) {
            throw new SmtpException(555, "5.5.4", "Unsupported option: " + path.params().keySet().iterator().next());
        }
        if (transaction.recipientRefusal().isPresent()) {
            throw new SmtpException(transaction.recipientRefusal().get());
        }
        if (transaction.recipientCount() >= session.config().maxRecipients()) {
            throw new SmtpException(452, "4.5.3", "Error: too many recipients");
        }
        Envelope partial = session.envelope(transaction.mailFrom(), transaction.recipients());
        session.offload(() -> session.intake().recipient(partial, path.address()), normalized -> {
            transaction.addRecipient(normalized);
            return Reply.of(250, "2.1.5", "Ok");
        });
    }
}
