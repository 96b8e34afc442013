package org.relaycert.server.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.4.4 (grammar in {@link SearchParser}); {@code UID SEARCH} answers UIDs:
 * <pre>
 * mailbox-data =/ "SEARCH" *(SP nz-number)
 * </pre>
 * Only the US-ASCII and UTF-8 charsets are accepted; others get {@code NO [BADCHARSET]} (RFC 3501 6.4.4).
 */
public record Search(String tag, boolean byUid, String charset, SearchKey key) implements ImapCommand {

    public static Search parse(String tag, boolean byUid, ArgumentReader r) throws SyntaxException {
        ArgumentReader.Mark mark = r.mark();
        r.sp();
        String first = r.peekIs('(') || r.peekIs('"') ? "" : r.word(c -> c != ' ', "a search key");
        String charset = "US-ASCII";
        if (first.equalsIgnoreCase("CHARSET")) {
            r.sp();
            charset = r.astring().toUpperCase(Locale.ROOT);
        } else {
            r.reset(mark);
        }
        SearchKey key = SearchParser.parseAll(r);
        r.end();
        return new Search(tag, byUid, charset, key);
    }

    public Set<SessionState> validIn() {
        return SELECTED;
    }

    @Override
    public boolean allowsExpungeResponses() {
        return byUid;
    }

    public Completion execute(ImapSession s) throws StoreException {
        if (!charset.equals("UTF-8") && !charset.equals("US-ASCII")) {
            return Completion.no("BADCHARSET (US-ASCII UTF-8)", "Unsupported charset.");
        }
        SelectedFolder sel = s.selected();
        List<String> hits = new ArrayList<>();
        for (var m : sel.messages()) {
            var n = new SelectedFolder.Numbered(sel.seqOf(m.uid()), m);
            if (new SearchMatcher(sel.folder(), n, sel.exists(), sel.lastUid()).matches(key)) {
                hits.add(String.valueOf(byUid ? n.uid() : n.seq()));
            }
        }
        s.untagged("SEARCH" + (hits.isEmpty() ? "" : " " + String.join(" ", hits)));
        return Completion.ok("Search completed.");
    }
}
