package org.relaycert.server.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.relaycert.server.delivery.Reply;

/**
 * AUTH (RFC 4954) with the mechanisms PLAIN (RFC 4616) and LOGIN (draft-murchison-sasl-login), offered only
 * on the submission ports and only over TLS (the TLS check is the {@link Command#requiresTls} decorator).
 *
 * <pre>
 * auth-command     = "AUTH" SP sasl-mech [SP initial-response] *(CRLF [base64]) [CRLF cancel-response] CRLF
 * initial-response = base64 / "="
 * cancel-response  = "*"
 * PLAIN message    = [authzid] UTF8NUL authcid UTF8NUL passwd
 * </pre>
 * {@code 235 2.7.0} on success, {@code 535 5.7.8} for wrong credentials, {@code 501 5.0.0} when the client
 * cancels, {@code 501 5.5.2} for bad base64.
 */
final class Auth implements Command {
    private static final String USERNAME_PROMPT = "VXNlcm5hbWU6"; // "Username:"
    private static final String PASSWORD_PROMPT = "UGFzc3dvcmQ6"; // "Password:"

    @Override
    public void execute(SmtpSession session, String argument) throws SmtpException {
        if (!session.config().port().submission()) {
            throw SmtpException.badSequence("authentication not enabled");
        }
        if (session.user().isPresent()) {
            throw SmtpException.badSequence("already authenticated");
        }
        if (session.transaction() != null) {
            throw SmtpException.badSequence("MAIL transaction in progress");
        }
        String[] parts = argument.strip().split(" ", -1);
        if (parts[0].isEmpty() || parts.length > 2) {
            throw SmtpException.syntax("AUTH mechanism [initial-response]");
        }
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String initial = parts.length == 2 ? parts[1] : null;
        switch (mechanism) {
            case "PLAIN" -> {
                if (initial == null) {
                    session.continueWith("", line -> plain(session, decode(line)));
                } else {
                    plain(session, decode(initial));
                }
            }
            case "LOGIN" -> {
                if (initial == null) {
                    session.continueWith(USERNAME_PROMPT, line -> askPassword(session, decode(line)));
                } else {
                    askPassword(session, decode(initial));
                }
            }
            default -> throw new SmtpException(504, "5.5.4", "Unrecognized authentication type");
        }
    }

    private static void askPassword(SmtpSession session, String login) {
        session.continueWith(PASSWORD_PROMPT, line -> verify(session, login, decode(line)));
    }

    private static void plain(SmtpSession session, String message) throws SmtpException {
        String[] fields = message.split("\0", -1);
        if (fields.length != 3) {
            throw new SmtpException(501, "5.5.2", "Invalid PLAIN authentication data");
        }
        String authzid = fields[0];
        String login = fields[1];
        if (!authzid.isEmpty() && !authzid.equals(login)) {
            // Acting on behalf of another account is not a thing on a chatmail relay.
            throw new SmtpException(535, "5.7.8", "Error: authentication failed");
        }
        verify(session, login, fields[2]);
    }

    private static void verify(SmtpSession session, String login, String password) {
        session.offload(() -> session.authenticator().authenticate(login, password), user -> {
            if (user.isEmpty()) {
                return Reply.of(535, "5.7.8", "Error: authentication failed");
            }
            session.authenticated(user.get());
            return Reply.of(235, "2.7.0", "Authentication successful");
        });
    }

    /** A client response line: {@code "*"} cancels, {@code "="} is the empty initial response. */
    private static String decode(String line) throws SmtpException {
        String text = line.strip();
        if (text.equals("*")) {
            throw new SmtpException(501, "5.0.0", "Authentication aborted");
        }
        if (text.equals("=")) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SmtpException(501, "5.5.2", "Cannot decode response");
        }
    }
}
