package org.relaycert.server.smtp;

/**
 * DATA (RFC 5321 section 4.1.1.4): 354, then {@link DataFramer} collects the message and the session hands
 * it to the intake ({@link SmtpSession#messageReceived}).
 *
 * <pre>
 * data = "DATA" CRLF
 * </pre>
 */
final class Data implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        if (!argument.isBlank()) {
            throw SmtpException.syntax("DATA");
        }
        Transaction transaction = session.transaction();
        if (transaction == null) {
            throw SmtpException.badSequence("need RCPT command");
        }
        if (transaction.recipientCount() == 0) {
            throw SmtpException.badSequence("no valid recipients");
        }
        session.startData();
    }
}
