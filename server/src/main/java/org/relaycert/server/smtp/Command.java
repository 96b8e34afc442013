package org.relaycert.server.smtp;

/**
 * One SMTP verb's behaviour. It answers through the session exactly once (a reply, a 334 continuation,
 * 354, 220 for STARTTLS, or later after off-loop work), or throws {@link SmtpException} for the session
 * to send.
 */
@FunctionalInterface
interface Command {
    void execute(SmtpSession session, String argument) throws SmtpException;

    /**
     * {@code 530 5.7.0 Must issue a STARTTLS command first} until TLS is up (spec 2.1: TLS on every port),
     * when the listener's rules say {@code tlsRequired}.
     */
    static Command requiresTls(Command inner) {
        return (session, argument) -> {
            if (!session.tlsActive() && session.config().rules().tlsRequired()) {
                throw new SmtpException(530, "5.7.0", "Must issue a STARTTLS command first");
            }
            inner.execute(session, argument);
        };
    }

    /** AUTH waits for TLS when the rules say {@code authOnlyAfterTls} ({@code smtpd_tls_auth_only}). */
    static Command authRequiresTls(Command inner) {
        return (session, argument) -> {
            if (!session.tlsActive() && session.config().rules().authOnlyAfterTls()) {
                throw new SmtpException(530, "5.7.0", "Must issue a STARTTLS command first");
            }
            inner.execute(session, argument);
        };
    }

    /** {@code 530 5.7.0 Authentication required} on the submission ports until AUTH succeeded (spec 2.4). */
    static Command requiresAuth(Command inner) {
        return (session, argument) -> {
            if (session.config().port().submission() && session.user().isEmpty()) {
                throw new SmtpException(530, "5.7.0", "Authentication required");
            }
            inner.execute(session, argument);
        };
    }

    /** HELO or EHLO must come first (Postfix {@code 503 5.5.1 Error: send HELO/EHLO first}). */
    static Command requiresHelo(Command inner) {
        return (session, argument) -> {
            if (session.heloName() == null) {
                throw SmtpException.badSequence("send HELO/EHLO first");
            }
            inner.execute(session, argument);
        };
    }
}
