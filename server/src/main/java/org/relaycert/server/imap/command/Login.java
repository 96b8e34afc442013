package org.relaycert.server.imap.command;

import java.util.Optional;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.2.3:
 * <pre>
 * login    = "LOGIN" SP userid SP password
 * userid   = astring
 * password = astring
 * </pre>
 * Refused before TLS (LOGINDISABLED, chatmail {@code ssl = required}).
 */
public record Login(String tag, String user, String password) implements ImapCommand {

    public static Login parse(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        String user = r.astring();
        r.sp();
        String password = r.astring();
        r.end();
        return new Login(tag, user, password);
    }

    public Set<SessionState> validIn() {
        return NOT_AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        return authenticate(s, user, password);
    }

    /** Shared by LOGIN and AUTHENTICATE PLAIN. */
    static Completion authenticate(ImapSession s, String user, String password) throws StoreException {
        if (!s.passwordsAllowed()) {
            return Completion.no("PRIVACYREQUIRED", "Plaintext authentication disallowed on non-secure connections.");
        }
        Optional<String> address = s.authenticator().authenticate(user, password);
        if (address.isEmpty()) {
            return Completion.no("AUTHENTICATIONFAILED", "Authentication failed.");
        }
        s.login(address.get());
        return Completion.ok("CAPABILITY " + s.capabilities(), "Logged in");
    }
}
