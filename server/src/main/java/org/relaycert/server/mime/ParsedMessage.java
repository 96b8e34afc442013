package org.relaycert.server.mime;

import java.util.List;
import java.util.Optional;

/**
 * One stored message, parsed once, answering what IMAP FETCH and SEARCH need. Never throws on
 * malformed input: broken MIME degrades to a single text/plain part, as IMAP servers usually do.
 */
public final class ParsedMessage {
    // TODO(mime): implementation

    public static ParsedMessage parse(byte[] raw) {
        throw new UnsupportedOperationException("mime not implemented yet");
    }

    /** The FETCH {@code BODYSTRUCTURE} value (extensible = true) or {@code BODY} value, in IMAP syntax. */
    public String bodyStructure(boolean extensible) {
        throw new UnsupportedOperationException();
    }

    /** The FETCH {@code ENVELOPE} value in IMAP syntax (a parenthesized list of nstrings). */
    public String envelope() {
        throw new UnsupportedOperationException();
    }

    /** The bytes of a body section; empty array for a part that does not exist (RFC 3501 6.4.5). */
    public byte[] section(SectionSpec spec) {
        throw new UnsupportedOperationException();
    }

    /** Values of a top-level header field (case-insensitive name), unfolded and RFC 2047-decoded. */
    public List<String> headers(String name) {
        throw new UnsupportedOperationException();
    }

    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** Decoded text of all text/* parts, for SEARCH BODY and TEXT. */
    public String searchableText() {
        throw new UnsupportedOperationException();
    }
}
