package org.relaycert.server.smtp;

/**
 * STARTTLS (RFC 3207): 220, then the TLS handshake; afterwards the session starts from scratch
 * (no greeting, no authentication, no transaction), and anything the client pipelined behind the
 * command in plaintext is discarded (RFC 3207 section 5).
 *
 * <pre>
 * starttls = "STARTTLS" CRLF
 * </pre>
 */
final class StartTls implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        if (!argument.isBlank()) {
            throw SmtpException.syntax("STARTTLS");
        }
        if (session.tlsActive()) {
            throw new SmtpException(554, "5.5.1", "Error: TLS already active");
        }
        session.startTls();
    }
}
