package org.relaycert.server.smtp;

/**
 * EXPN (RFC 5321 section 4.1.1.7): answered by {@link SmtpRules#expn()}; chatmail's is "not implemented"
 * for every argument, since mailing lists do not exist on a chatmail relay and expanding would enumerate addresses.
 *
 * <pre>
 * expn = "EXPN" SP String CRLF
 * </pre>
 */
final class Expn implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        String what = argument.strip();
        if (what.isEmpty()) {
            throw SmtpException.syntax("EXPN address");
        }
        session.offload(() -> session.intake().knows(what), known -> session.config().rules().expn().expand(what, known));
    }
}
