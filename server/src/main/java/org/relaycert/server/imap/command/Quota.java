package org.relaycert.server.imap.command;

import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 9208 (QUOTA), one root per user as Dovecot names it:
 * <pre>
 * getquotaroot = "GETQUOTAROOT" SP mailbox
 * getquota     = "GETQUOTA" SP quota-root
 * quota-resource = "STORAGE" SP used SP limit     ; in units of 1024 octets
 * </pre>
 */
public record Quota(String tag, boolean root, String argument) implements ImapCommand {
    public static final String ROOT = "User quota";

    public static Quota parse(String tag, String name, ArgumentReader r) throws SyntaxException {
        r.sp();
        String arg = r.astring();
        r.end();
        return new Quota(tag, name.equals("GETQUOTAROOT"), arg);
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        if (root) {
            s.mailbox().folder(argument);
            s.untagged("QUOTAROOT " + ImapText.mailbox(argument) + " " + ImapText.quote(ROOT));
        } else if (!argument.equals(ROOT)) {
            return Completion.no("NONEXISTENT", "Quota root does not exist.");
        }
        if (s.config().quotaBytes() > 0) {
            long usedKib = (s.mailbox().usedBytes() + 1023) / 1024;
            s.untagged("QUOTA " + ImapText.quote(ROOT) + " (STORAGE " + usedKib + " " + s.config().quotaBytes() / 1024 + ")");
        }
        return Completion.ok((root ? "Getquotaroot" : "Getquota") + " completed.");
    }
}
