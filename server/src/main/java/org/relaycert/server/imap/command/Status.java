package org.relaycert.server.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.3.10 (SIZE from RFC 8438):
 * <pre>
 * status     = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
 * status-att = "MESSAGES" / "RECENT" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" / "SIZE"
 * </pre>
 */
public record Status(String tag, String mailbox, List<String> items) implements ImapCommand {
    private static final Set<String> KNOWN = Set.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "SIZE");

    public static Status parse(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mailbox = r.astring();
        r.sp();
        List<String> items = new ArrayList<>();
        for (String a : r.astringList()) {
            String item = a.toUpperCase(Locale.ROOT);
            if (!KNOWN.contains(item)) {
                throw new SyntaxException("unknown STATUS item " + a);
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new SyntaxException("STATUS needs at least one item");
        }
        r.end();
        return new Status(tag, mailbox, items);
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        Folder folder = s.mailbox().folder(mailbox);
        List<MessageInfo> messages = folder.messages();
        List<String> out = new ArrayList<>();
        for (String item : items) {
            long value = switch (item) {
                case "MESSAGES" -> messages.size();
                case "RECENT" -> 0;
                case "UIDNEXT" -> folder.uidNext();
                case "UIDVALIDITY" -> folder.uidValidity();
                case "UNSEEN" -> messages.stream().filter(m -> !m.flags().contains("\\Seen")).count();
                default -> messages.stream().mapToLong(MessageInfo::size).sum();
            };
            out.add(item + " " + value);
        }
        s.untagged("STATUS " + ImapText.mailbox(folder.name()) + " (" + String.join(" ", out) + ")");
        return Completion.ok("Status completed.");
    }
}
