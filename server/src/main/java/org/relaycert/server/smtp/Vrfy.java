package org.relaycert.server.smtp;


/**
 * VRFY (RFC 5321 section 4.1.1.6, 3.5.3). Chatmail must not reveal which addresses exist (spec 2.5,
 * upstream {@code test_no_vrfy}): the listener's {@link SmtpRules#vrfy()} answers; chatmail's gives every
 * argument {@code 252 2.0.0 <arg>}, as Postfix does with {@code local_recipient_maps} empty.
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
        session.reply(session.config().rules().vrfy().verify(what));
    }
}
