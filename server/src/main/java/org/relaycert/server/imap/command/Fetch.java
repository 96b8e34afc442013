package org.relaycert.server.imap.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.Response;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.mime.ParsedMessage;
import org.relaycert.server.mime.SectionSpec;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.4.5 / 6.4.8:
 * <pre>
 * fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")")
 * uid   = "UID" SP fetch
 * </pre>
 * A non-PEEK body section sets {@code \Seen} (not in EXAMINE) and the new FLAGS are reported too.
 * UID FETCH always includes UID. A message expunged meanwhile by another session is skipped.
 */
public record Fetch(String tag, boolean byUid, SequenceSet set, List<FetchItem> items) implements ImapCommand {
    /** Responses larger than this are flushed at once instead of piling up in memory. */
    private static final int BIG_RESPONSE = 64 * 1024;

    public static Fetch parse(String tag, boolean byUid, ArgumentReader r) throws SyntaxException {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        List<FetchItem> items = FetchItemParser.parse(r);
        if (r.consume(' ')) {
            throw new SyntaxException("FETCH modifiers are not supported");
        }
        r.end();
        return new Fetch(tag, byUid, set, items);
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
        List<FetchItem> wanted = new ArrayList<>(new LinkedHashSet<>(items));
        if (byUid && !wanted.contains(FetchItem.Simple.UID)) {
            wanted.addFirst(FetchItem.Simple.UID);
        }
        boolean setsSeen = !sel.readOnly() && wanted.stream().anyMatch(i -> i instanceof FetchItem.Content c && c.setsSeen());
        for (SelectedFolder.Numbered n : sel.resolve(set, byUid)) {
            try {
                Response r = respond(s, sel, n, wanted, setsSeen);
                s.write(r);
                if (r.size() > BIG_RESPONSE) {
                    s.connection().flush();
                }
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.NONEXISTENT) {
                    throw e;
                }
            }
        }
        return Completion.ok("Fetch completed.");
    }

    private static Response respond(ImapSession s, SelectedFolder sel, SelectedFolder.Numbered n,
            List<FetchItem> wanted, boolean setsSeen) throws StoreException {
        MessageInfo info = n.info();
        List<FetchItem> items = wanted;
        if (setsSeen && !info.flags().contains("\\Seen")) {
            Set<String> flags = new LinkedHashSet<>(info.flags());
            flags.add("\\Seen");
            info = sel.folder().setFlags(info.uid(), flags);
            sel.update(info);
            if (!items.contains(FetchItem.Simple.FLAGS)) {
                items = new ArrayList<>(items);
                items.add(FetchItem.Simple.FLAGS);
            }
        }
        Response r = Response.line("* " + n.seq() + " FETCH (");
        MessageBytes message = new MessageBytes(sel, info.uid(), items.stream().allMatch(Fetch::headerOnly));
        boolean first = true;
        for (FetchItem item : items) {
            r.text(first ? "" : " ");
            first = false;
            if (item instanceof FetchItem.Content c && c.spec().equals(SectionSpec.WHOLE) && !message.loaded()) {
                r.text(c.responseName() + " ").literal(wholeFromFile(sel, info, c)); // no copy in memory
                continue;
            }
            if (item instanceof FetchItem.Content c) {
                byte[] bytes = c.spec().equals(SectionSpec.WHOLE) ? message.raw() : message.parsed().section(c.spec());
                r.text(c.responseName() + " ").literal(partial(bytes, c));
                continue;
            }
            switch ((FetchItem.Simple) item) {
                case FLAGS -> r.text("FLAGS " + ImapText.flags(info.flags()));
                case UID -> r.text("UID " + info.uid());
                case INTERNALDATE -> r.text("INTERNALDATE " + ImapText.dateTime(info.internalDate()));
                case RFC822_SIZE -> r.text("RFC822.SIZE " + info.size());
                case ENVELOPE -> r.text("ENVELOPE " + message.parsed().envelope());
                case BODYSTRUCTURE -> r.text("BODYSTRUCTURE " + message.parsed().bodyStructure(true));
                case BODY -> r.text("BODY " + message.parsed().bodyStructure(false));
            }
        }
        return r.text(")");
    }

    /** Items answered from the top-level header alone (Delta Chat's prefetch asks for these on every message). */
    private static boolean headerOnly(FetchItem item) {
        if (item instanceof FetchItem.Content c) {
            return c.spec().part().isEmpty() && (c.spec().text() == SectionSpec.Text.HEADER
                    || c.spec().text() == SectionSpec.Text.HEADER_FIELDS
                    || c.spec().text() == SectionSpec.Text.HEADER_FIELDS_NOT);
        }
        return item != FetchItem.Simple.BODYSTRUCTURE && item != FetchItem.Simple.BODY;
    }

    /** The message (or the partial range asked for) as a region of its file. */
    private static Response.FileRegion wholeFromFile(SelectedFolder sel, MessageInfo info, FetchItem.Content c)
            throws StoreException {
        FileChannel file = sel.folder().channel(info.uid());
        long size;
        try {
            size = file.size();
        } catch (IOException e) {
            closeQuietly(file);
            throw new StoreException(StoreException.Kind.IO, "cannot read message " + info.uid(), e);
        }
        if (c.offset() < 0) {
            return new Response.FileRegion(file, 0, size);
        }
        long from = Math.min(c.offset(), size);
        return new Response.FileRegion(file, from, Math.min(size, from + c.length()) - from);
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    private static byte[] partial(byte[] bytes, FetchItem.Content c) {
        if (c.offset() < 0) {
            return bytes;
        }
        int from = (int) Math.min(c.offset(), bytes.length);
        int to = (int) Math.min(bytes.length, from + c.length());
        return Arrays.copyOfRange(bytes, from, to);
    }
}
