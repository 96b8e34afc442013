package org.relaycert.server.imap.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Optional;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.mime.ParsedMessage;
import org.relaycert.server.store.StoreException;

/**
 * One stored message for one FETCH response, read as late and as little as the items need: when they need
 * only the top-level header, just the file's first octets up to the end of the header; otherwise all of it,
 * once.
 */
final class MessageBytes {
    /** A header longer than this is read with the whole message. */
    private static final int HEADER_READ = 256 * 1024;

    private final SelectedFolder sel;
    private final long uid;
    private final boolean headerOnly;
    private byte[] raw;
    private ParsedMessage parsed;

    MessageBytes(SelectedFolder sel, long uid, boolean headerOnly) {
        this.sel = sel;
        this.uid = uid;
        this.headerOnly = headerOnly;
    }

    /** Whether the whole message is in memory already (then a BODY[] literal comes from there). */
    boolean loaded() {
        return raw != null;
    }

    byte[] raw() throws StoreException {
        if (raw == null) {
            raw = sel.folder().read(uid);
        }
        return raw;
    }

    /** The parsed message: from the header alone when every item allows it. */
    ParsedMessage parsed() throws StoreException {
        if (parsed == null) {
            Optional<ParsedMessage> header = headerOnly && raw == null ? header() : Optional.empty();
            parsed = header.isPresent() ? header.get() : ParsedMessage.parse(raw());
        }
        return parsed;
    }

    private Optional<ParsedMessage> header() throws StoreException {
        try (FileChannel file = sel.folder().channel(uid); InputStream in = Channels.newInputStream(file)) {
            byte[] start = in.readNBytes(HEADER_READ);
            return ParsedMessage.parseHeader(start, start.length < HEADER_READ);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot read message " + uid, e);
        }
    }
}
