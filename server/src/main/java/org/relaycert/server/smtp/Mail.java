package org.relaycert.server.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;

/**
 * MAIL (RFC 5321 section 4.1.1.2) with SIZE (RFC 1870) and BODY (RFC 6152); the AUTH parameter
 * (RFC 4954 section 5) is accepted and ignored. The intake decides whether the sender is allowed; a refusal it
 * marks {@link RejectedException#atRecipient delayed} is answered at each RCPT instead, as Postfix does.
 *
 * <pre>
 * mail            = "MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF
 * Mail-parameters = esmtp-param *(SP esmtp-param)
 * size-param      = "SIZE=" 1*20DIGIT
 * body-param      = "BODY=" ( "7BIT" / "8BITMIME" )
 * </pre>
 */
final class Mail implements Command {
    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        if (session.transaction() != null) {
            throw SmtpException.badSequence("nested MAIL command");
        }
        PathArgument path;
        try {
            path = PathArgument.parse(argument, "FROM:");
        } catch (IllegalArgumentException e) {
            throw new SmtpException(501, "5.1.7", "Bad sender address syntax");
        }
        long size = declaredSize(path.params(), session.config().maxMessageSize());
        String sender = path.address();
        Envelope partial = session.envelope(sender, List.of());
        session.offload(() -> {
            try {
                session.intake().sender(partial, size);
                return Optional.<Reply>empty();
            } catch (RejectedException e) {
                if (!e.delayedToRecipient()) {
                    throw e;
                }
                return Optional.of(e.reply());
            }
        }, refusal -> {
            session.beginTransaction(new Transaction(sender, size, refusal));
            return Reply.of(250, "2.1.0", "Ok");
        });
    }

    /** Checks the parameters; returns the declared SIZE or 0. */
    private static long declaredSize(Map<String, String> params, long limit) throws SmtpException {
        long size = 0;
        for (Map.Entry<String, String> p : params.entrySet()) {
            switch (p.getKey()) {
                case "SIZE" -> {
                    if (!p.getValue().matches("[0-9]{1,20}")) {
                        throw new SmtpException(501, "5.5.4", "Bad SIZE parameter");
                    }
                    size = parseSize(p.getValue());
                    if (size > limit) {
                        throw new SmtpException(552, "5.3.4", "Message size exceeds fixed limit");
                    }
                }
                case "BODY" -> {
                    String body = p.getValue().toUpperCase(Locale.ROOT);
                    if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
                        throw new SmtpException(501, "5.5.4", "Bad BODY parameter");
                    }
                }
                case "AUTH" -> {
                    // RFC 4954 section 5: the server may ignore the submitter's claim.
                }
                default -> throw new SmtpException(555, "5.5.4", "Unsupported option: " + p.getKey());
            }
        }
        return size;
    }

    private static long parseSize(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // 20 digits can exceed a long; that is over any limit
        }
    }
}
