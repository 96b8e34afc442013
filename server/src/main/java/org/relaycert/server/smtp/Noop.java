package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/**
 * NOOP (RFC 5321 section 4.1.1.9): no effect; a parameter is allowed and ignored.
 *
 * <pre>
 * noop = "NOOP" [ SP String ] CRLF
 * </pre>
 */
final class Noop implements Command {
    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(Reply.of(250, "2.0.0", "Ok"));
    }
}
