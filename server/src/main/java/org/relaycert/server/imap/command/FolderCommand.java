package org.relaycert.server.imap.command;

import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.3.3 - 6.3.5:
 * <pre>
 * create = "CREATE" SP mailbox
 * delete = "DELETE" SP mailbox
 * rename = "RENAME" SP mailbox SP mailbox
 * </pre>
 * A trailing {@code /} on CREATE is dropped (it only says a hierarchy is intended).
 */
public record FolderCommand(String tag, String name, String mailbox, String newName) implements ImapCommand {

    public static FolderCommand parse(String tag, String name, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mailbox = r.astring();
        String to = null;
        if (name.equals("RENAME")) {
            r.sp();
            to = r.astring();
        }
        r.end();
        return new FolderCommand(tag, name, mailbox, to);
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        switch (name) {
            case "CREATE" -> {
                String n = mailbox.endsWith("/") ? mailbox.substring(0, mailbox.length() - 1) : mailbox;
                s.mailbox().create(n);
                return Completion.ok("Create completed.");
            }
            case "DELETE" -> {
                s.mailbox().delete(mailbox);
                return Completion.ok("Delete completed.");
            }
            default -> {
                s.mailbox().rename(mailbox, newName);
                return Completion.ok("Rename completed.");
            }
        }
    }
}
