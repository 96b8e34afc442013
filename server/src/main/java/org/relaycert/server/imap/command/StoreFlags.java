package org.relaycert.server.imap.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.4.6:
 * <pre>
 * store           = "STORE" SP sequence-set SP store-att-flags
 * store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
 * </pre>
 * {@code \Recent} cannot be set and is ignored. Without .SILENT every named message's new flags are sent.
 */
public record StoreFlags(String tag, boolean byUid, SequenceSet set, char mode, boolean silent, Set<String> flags)
        implements ImapCommand {

    public static StoreFlags parse(String tag, boolean byUid, ArgumentReader r) throws SyntaxException {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        String att = r.atom().toUpperCase(Locale.ROOT);
        char mode = att.charAt(0) == '+' || att.charAt(0) == '-' ? att.charAt(0) : '=';
        String rest = mode == '=' ? att : att.substring(1);
        boolean silent = rest.equals("FLAGS.SILENT");
        if (!silent && !rest.equals("FLAGS")) {
            throw new SyntaxException("unknown STORE item " + att);
        }
        r.sp();
        List<String> flags;
        if (r.peekIs('(')) {
            flags = r.flagList();
        } else {
            flags = new java.util.ArrayList<>();
            flags.add(r.flag());
            while (r.consume(' ')) {
                flags.add(r.flag());
            }
        }
        r.end();
        Set<String> clean = new LinkedHashSet<>();
        for (String f : flags) {
            if (!f.equalsIgnoreCase("\\Recent")) {
                clean.add(SystemFlags.canonical(f));
            }
        }
        return new StoreFlags(tag, byUid, set, mode, silent, clean);
    }

    public Set<SessionState> validIn() {
        return SELECTED;
    }

    @Override
    public boolean allowsExpungeResponses() {
        return byUid;
    }

    public Completion execute(ImapSession s) throws StoreException {
        SelectedFolder sel = s.selected();
        if (!sel.valid(set, byUid)) {
            return Completion.bad("Invalid messageset.");
        }
        if (sel.readOnly()) {
            return Completion.no("READ-ONLY", "Mailbox is read-only.");
        }
        for (SelectedFolder.Numbered n : sel.resolve(set, byUid)) {
            Set<String> next = new LinkedHashSet<>(mode == '=' ? Set.of() : n.info().flags());
            switch (mode) {
                case '+' -> next.addAll(flags);
                case '-' -> next.removeAll(flags);
                default -> next.addAll(flags);
            }
            MessageInfo info = n.info();
            if (!next.equals(info.flags())) {
                try {
                    info = sel.folder().setFlags(info.uid(), next);
                } catch (StoreException e) {
                    if (e.kind() == StoreException.Kind.NONEXISTENT) {
                        continue;
                    }
                    throw e;
                }
                sel.update(info);
            }
            if (!silent) {
                s.untagged(n.seq() + " FETCH (" + (byUid ? "UID " + info.uid() + " " : "")
                        + "FLAGS " + ImapText.flags(info.flags()) + ")");
            }
        }
        return Completion.ok("Store completed.");
    }
}
