package org.relaycert.server.imap.command;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.3.1 / 6.3.2 (select parameters of RFC 4466 are read and ignored):
 * <pre>
 * select  = "SELECT" SP mailbox [SP "(" ... ")"]
 * examine = "EXAMINE" SP mailbox [SP "(" ... ")"]
 * </pre>
 * A failed SELECT leaves no mailbox selected.
 */
public record Select(String tag, boolean readOnly, String mailbox) implements ImapCommand {

    public static Select parse(String tag, String name, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mailbox = r.astring();
        if (r.consume(' ')) {
            r.astringList();
        }
        r.end();
        return new Select(tag, name.equals("EXAMINE"), mailbox);
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        s.select(null);
        Folder folder = s.mailbox().folder(mailbox);
        List<MessageInfo> messages = folder.messages();
        SelectedFolder selected = new SelectedFolder(folder.name(), folder, readOnly, messages);
        Set<String> flags = new TreeSet<>(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"));
        messages.forEach(m -> flags.addAll(m.flags()));
        s.untagged("FLAGS " + ImapText.flags(flags));
        s.untagged("OK [PERMANENTFLAGS (" + (readOnly ? "" : ImapSession.PERMANENT_FLAGS) + ")] Flags permitted.");
        s.untagged(messages.size() + " EXISTS");
        s.untagged("0 RECENT");
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).flags().contains("\\Seen")) {
                s.untagged("OK [UNSEEN " + (i + 1) + "] First unseen.");
                break;
            }
        }
        s.untagged("OK [UIDVALIDITY " + folder.uidValidity() + "] UIDs valid");
        s.untagged("OK [UIDNEXT " + folder.uidNext() + "] Predicted next UID");
        s.select(selected);
        return Completion.ok(readOnly ? "READ-ONLY" : "READ-WRITE", (readOnly ? "Examine" : "Select") + " completed.");
    }
}
