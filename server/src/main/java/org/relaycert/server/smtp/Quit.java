package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/**
 * QUIT (RFC 5321 section 4.1.1.10): 221, then the server closes the connection. An open transaction
 * is dropped.
 *
 * <pre>
 * quit = "QUIT" CRLF
 * </pre>
 */
final class Quit implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        if (!argument.isBlank()) {
            throw SmtpException.syntax("QUIT");
        }
        session.replyAndClose(Reply.of(221, "2.0.0", "Bye"));
    }
}
