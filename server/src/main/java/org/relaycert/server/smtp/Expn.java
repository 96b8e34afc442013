package org.relaycert.server.smtp;

/**
 * EXPN (RFC 5321 section 4.1.1.7): not offered; mailing lists do not exist on a chatmail relay and
 * expanding would enumerate addresses.
 *
 * <pre>
 * expn = "EXPN" SP String CRLF
 * </pre>
 */
final class Expn implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        throw new SmtpException(502, "5.5.1", "Error: command not implemented");
    }
}
