package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/**
 * RSET (RFC 5321 section 4.1.1.5): aborts the mail transaction; greeting and authentication stay.
 *
 * <pre>
 * rset = "RSET" CRLF
 * </pre>
 */
final class Rset implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        if (!argument.isBlank()) {
            throw SmtpException.syntax("RSET");
        }
        session.resetTransaction();
        session.reply(Reply.of(250, "2.0.0", "Ok"));
    }
}
