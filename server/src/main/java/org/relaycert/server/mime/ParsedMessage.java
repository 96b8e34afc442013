package org.relaycert.server.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * One stored message, parsed once, answering what IMAP FETCH and SEARCH need. Never throws on
 * malformed input: broken MIME degrades to a single text/plain part, as IMAP servers usually do.
 *
 * <p>The MIME tree keeps exact byte offsets into the stored message, so sizes, line counts and
 * sections are the stored bytes. Grammar and rules: {@code BodyStructureWriter} (body),
 * {@code EnvelopeWriter} (envelope), {@code SectionReader} (section numbering), {@link ImapString}
 * (string / nstring / astring). Strings in the returned values may be literals ({@code {n}\r\n...}
 * with n counted in UTF-8 octets), so write them to the wire as UTF-8.
 */
public final class ParsedMessage {

    private final byte[] raw;
    private final MimePart root;

    private ParsedMessage(byte[] raw, MimePart root) {
        this.raw = raw;
        this.root = root;
    }

    public static ParsedMessage parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        return new ParsedMessage(bytes, MimeTreeParser.parse(bytes));
    }

    /**
     * The top-level header of a message from the first octets of it ({@code complete}: they are all of it), as a
     * message without body: enough for ENVELOPE and the top-level HEADER sections, whose bytes are the same as
     * the whole message's. Empty when the header does not end within {@code start}.
     */
    public static Optional<ParsedMessage> parseHeader(byte[] start, boolean complete) {
        int usable = start.length;
        if (!complete) { // only whole lines: a cut line could look like the end of the header
            while (usable > 0 && start[usable - 1] != '\n') {
                usable--;
            }
        }
        int bodyStart = MimeHeader.parse(start, 0, usable).bodyStart();
        if (bodyStart >= usable && !complete) {
            return Optional.empty();
        }
        return Optional.of(parse(java.util.Arrays.copyOf(start, bodyStart)));
    }

    /** The FETCH {@code BODYSTRUCTURE} value (extensible = true) or {@code BODY} value, in IMAP syntax. */
    public String bodyStructure(boolean extensible) {
        return BodyStructureWriter.write(raw, root, extensible);
    }

    /** The FETCH {@code ENVELOPE} value in IMAP syntax (a parenthesized list of nstrings). */
    public String envelope() {
        return EnvelopeWriter.write(root.header());
    }

    /** The bytes of a body section; empty array for a part that does not exist (RFC 3501 6.4.5). */
    public byte[] section(SectionSpec spec) {
        return SectionReader.read(raw, root, spec == null ? SectionSpec.WHOLE : spec);
    }

    /** Values of a top-level header field (case-insensitive name), unfolded and RFC 2047-decoded. */
    public List<String> headers(String name) {
        List<String> decoded = new ArrayList<>();
        for (String value : root.header().all(name)) {
            decoded.add(decodeWords(value));
        }
        return decoded;
    }

    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** Decoded text of all text/* parts, for SEARCH BODY and TEXT. */
    public String searchableText() {
        return TextExtractor.extract(raw, root);
    }

    private static String decodeWords(String value) {
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return value;
        }
    }
}
