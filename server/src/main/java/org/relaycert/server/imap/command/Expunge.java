package org.relaycert.server.imap.command;

import java.util.List;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.4.3 / 6.4.2, RFC 4315 2.1, RFC 3691:
 * <pre>
 * expunge     = "EXPUNGE"
 * uid-expunge = "UID" SP "EXPUNGE" SP sequence-set
 * close       = "CLOSE"      ; expunges silently, then deselects
 * </pre>
 */
public record Expunge(String tag, String name, SequenceSet uids) implements ImapCommand {

    public static Expunge parse(String tag, String name, boolean byUid, ArgumentReader r) throws SyntaxException {
        SequenceSet set = null;
        if (byUid) {
            r.sp();
            set = r.sequenceSet();
        }
        r.end();
        return new Expunge(tag, name, set);
    }

    public Set<SessionState> validIn() {
        return SELECTED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        SelectedFolder sel = s.selected();
        boolean close = name.equals("CLOSE");
        if (sel.readOnly()) {
            if (close) {
                s.select(null);
                return Completion.ok("Close completed.");
            }
            return Completion.no("READ-ONLY", "Mailbox is read-only.");
        }
        List<Long> deleted = (uids == null ? sel.messages().stream().map(m -> new SelectedFolder.Numbered(0, m)).toList()
                : sel.resolve(uids, true)).stream()
                .filter(n -> n.info().flags().contains("\\Deleted"))
                .map(SelectedFolder.Numbered::uid).toList();
        List<Long> removed = deleted.isEmpty() ? List.of() : sel.folder().expunge(deleted);
        if (close) {
            s.select(null);
            return Completion.ok("Close completed.");
        }
        for (long uid : removed) {
            int seq = sel.remove(uid);
            if (seq > 0) {
                s.untagged(seq + " EXPUNGE");
            }
        }
        return Completion.ok("Expunge completed.");
    }
}
