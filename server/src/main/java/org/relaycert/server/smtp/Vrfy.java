package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/**
 * VRFY (RFC 5321 section 4.1.1.6, 3.5.3). Chatmail must not reveal which addresses exist (spec 2.5,
 * upstream {@code test_no_vrfy}): every argument gets {@code 252 2.0.0 <arg>}, the answer Postfix gives
 * with {@code local_recipient_maps} empty. Nothing is looked up.
 *
 * <pre>
 * vrfy = "VRFY" SP String CRLF
 * </pre>
 */
final class Vrfy implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        String what = argument.strip();
        if (what.isEmpty()) {
            throw SmtpException.syntax("VRFY address");
        }
        session.reply(Reply.of(252, "2.0.0", what));
    }
}
