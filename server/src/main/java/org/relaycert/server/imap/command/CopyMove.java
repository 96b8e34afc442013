package org.relaycert.server.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.4.7, RFC 6851 (MOVE), RFC 4315 (COPYUID):
 * <pre>
 * copy = "COPY" SP sequence-set SP mailbox
 * move = "MOVE" SP sequence-set SP mailbox
 * resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
 * </pre>
 * MOVE reports COPYUID untagged, then the EXPUNGEs, then the tagged OK. A COPY beyond the quota is refused.
 */
public record CopyMove(String tag, boolean move, boolean byUid, SequenceSet set, String target) implements ImapCommand {

    public static CopyMove parse(String tag, String name, boolean byUid, ArgumentReader r) throws SyntaxException {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        String target = r.astring();
        r.end();
        return new CopyMove(tag, name.equals("MOVE"), byUid, set, target);
    }

    public Set<SessionState> validIn() {
        return SELECTED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        SelectedFolder sel = s.selected();
        if (!sel.valid(set, byUid)) {
            return Completion.bad("Invalid messageset.");
        }
        if (move && sel.readOnly()) {
            return Completion.no("READ-ONLY", "Mailbox is read-only.");
        }
        Folder dest;
        try {
            dest = s.mailbox().folder(target);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NONEXISTENT) {
                return Completion.no("TRYCREATE", "Mailbox doesn't exist: " + target);
            }
            throw e;
        }
        List<SelectedFolder.Numbered> chosen = sel.resolve(set, byUid);
        List<Long> uids = chosen.stream().map(SelectedFolder.Numbered::uid).toList();
        if (uids.isEmpty()) {
            return Completion.ok((move ? "Move" : "Copy") + " completed, no messages.");
        }
        long quota = s.config().quotaBytes();
        // A copy adds to the user's mail; a move only relocates it.
        if (!move && quota > 0
                && s.mailbox().wouldExceed(chosen.stream().mapToLong(n -> n.info().size()).sum(), quota)) {
            return Completion.no("OVERQUOTA", "Quota exceeded (mailbox for user is full)");
        }
        Map<Long, Long> copied = sel.folder().copyTo(uids, dest);
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        for (Long uid : uids) {
            Long n = copied.get(uid);
            if (n != null) {
                from.add(uid);
                to.add(n);
            }
        }
        String code = "COPYUID " + dest.uidValidity() + " " + UidSets.render(from) + " " + UidSets.render(to);
        if (!move) {
            return Completion.ok(code, "Copy completed.");
        }
        s.untagged("OK [" + code + "] Moved UIDs.");
        for (long uid : sel.folder().expunge(from)) {
            int seq = sel.remove(uid);
            if (seq > 0) {
                s.untagged(seq + " EXPUNGE");
            }
        }
        return Completion.ok("Move completed.");
    }
}
