package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/**
 * HELP (RFC 5321 section 4.1.1.8): a fixed pointer, the same for every argument.
 *
 * <pre>
 * help = "HELP" [ SP String ] CRLF
 * </pre>
 */
final class Help implements Command {
    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(Reply.of(214, "2.0.0", "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP STARTTLS AUTH"));
    }
}
