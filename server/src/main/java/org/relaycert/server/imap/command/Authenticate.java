package org.relaycert.server.imap.command;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.Response;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.2.2 with SASL-IR (RFC 4959) and the PLAIN mechanism (RFC 4616):
 * <pre>
 * authenticate = "AUTHENTICATE" SP auth-type [SP (base64 / "=")] *(CRLF base64)
 * message      = [authzid] UTF8NUL authcid UTF8NUL passwd
 * </pre>
 * Without an initial response the server sends an empty continuation {@code + } and reads one line;
 * a line {@code *} cancels.
 */
public record Authenticate(String tag, String mechanism, String initialResponse) implements ImapCommand {

    public static Authenticate parse(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mech = r.atom().toUpperCase(Locale.ROOT);
        String ir = null;
        if (r.consume(' ')) {
            ir = r.atom();
        }
        r.end();
        return new Authenticate(tag, mech, ir);
    }

    public Set<SessionState> validIn() {
        return NOT_AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        if (!mechanism.equals("PLAIN")) {
            return Completion.no("Unsupported authentication mechanism.");
        }
        if (!s.passwordsAllowed()) {
            return Completion.no("PRIVACYREQUIRED", "Plaintext authentication disallowed on non-secure connections.");
        }
        if (initialResponse != null) {
            return plain(s, initialResponse.equals("=") ? "" : initialResponse);
        }
        s.write(Response.line("+ "));
        s.expectContinuation(line -> {
            try {
                return plain(s, new String(line, StandardCharsets.US_ASCII).trim());
            } catch (StoreException e) {
                return Completion.no("SERVERBUG", e.getMessage());
            }
        });
        return Completion.PENDING;
    }

    private static Completion plain(ImapSession s, String base64) throws StoreException {
        if (base64.equals("*")) {
            return Completion.bad("Authentication aborted by client.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Completion.bad("Invalid base64 data in continued response.");
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3) {
            return Completion.bad("Invalid PLAIN message.");
        }
        if (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1])) {
            return Completion.no("AUTHORIZATIONFAILED", "Authorization identity not permitted.");
        }
        return Login.authenticate(s, parts[1], parts[2]);
    }
}
