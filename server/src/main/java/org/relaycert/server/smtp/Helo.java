package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/**
 * HELO (RFC 5321 section 4.1.1.1), the pre-ESMTP greeting; resets the session state like EHLO.
 *
 * <pre>
 * helo = "HELO" SP Domain CRLF
 * </pre>
 */
final class Helo implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        String domain = argument.strip();
        if (domain.isEmpty() || domain.contains(" ") || Ehlo.hasControlCharacters(domain)) {
            throw SmtpException.syntax("HELO hostname");
        }
        session.greeted(domain);
        session.reply(Reply.plain(250, session.config().hostname()));
    }
}
