package org.relaycert.server.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header block of a message or body part, located in the raw bytes (RFC 5322 section 2.2):
 * <pre>
 * fields      = *(field-name ":" unstructured CRLF)   ; continuation lines start with WSP
 * header      = fields CRLF                           ; the empty line ends the header
 * </pre>
 * Lenient on purpose: a bare LF counts as a line break, a line that is neither a field nor a
 * continuation ends the header without a blank line, and a missing blank line makes the rest of the
 * entity header (empty body).
 */
final class MimeHeader {

    private final List<HeaderField> fields;
    private final int start;
    private final int bodyStart;

    private MimeHeader(List<HeaderField> fields, int start, int bodyStart) {
        this.fields = fields;
        this.start = start;
        this.bodyStart = bodyStart;
    }

    static MimeHeader parse(byte[] raw, int start, int end) {
        List<HeaderField> fields = new ArrayList<>();
        int fieldStart = -1;
        int fieldColon = -1;
        String fieldName = null;
        int pos = start;
        while (pos < end) {
            int next = lineAfter(raw, pos, end);
            int contentEnd = contentEnd(raw, pos, next);
            boolean blank = contentEnd == pos;
            boolean continuation = !blank && (raw[pos] == ' ' || raw[pos] == '\t');
            if (continuation) {
                pos = next;
                continue;
            }
            if (fieldStart >= 0) {
                fields.add(field(raw, fieldName, fieldStart, fieldColon, pos));
                fieldStart = -1;
            }
            if (blank) {
                return new MimeHeader(List.copyOf(fields), start, next);
            }
            int colon = fieldColon(raw, pos, contentEnd);
            if (colon < 0) {
                // Not a header line: the body starts here, without a separating blank line.
                return new MimeHeader(List.copyOf(fields), start, pos);
            }
            fieldStart = pos;
            fieldColon = colon;
            fieldName = new String(raw, pos, colon - pos, StandardCharsets.US_ASCII).strip();
            pos = next;
        }
        if (fieldStart >= 0) {
            fields.add(field(raw, fieldName, fieldStart, fieldColon, end));
        }
        return new MimeHeader(List.copyOf(fields), start, end);
    }

    /** Offset of the byte after the next LF, or {@code end}. */
    static int lineAfter(byte[] raw, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** End of a line's content, without its CRLF or LF. */
    static int contentEnd(byte[] raw, int pos, int next) {
        int e = next;
        if (e > pos && raw[e - 1] == '\n') {
            e--;
        }
        if (e > pos && raw[e - 1] == '\r') {
            e--;
        }
        return e;
    }

    // field-name = 1*ftext (printable US-ASCII except ":"); some mailers put WSP before the colon.
    private static int fieldColon(byte[] raw, int pos, int contentEnd) {
        boolean sawName = false;
        boolean trailingSpace = false;
        for (int i = pos; i < contentEnd; i++) {
            byte b = raw[i];
            if (b == ':') {
                return sawName ? i : -1;
            }
            if (b == ' ' || b == '\t') {
                trailingSpace = sawName;
                if (!sawName) {
                    return -1;
                }
            } else if (b < 33 || b > 126 || trailingSpace) {
                return -1;
            } else {
                sawName = true;
            }
        }
        return -1;
    }

    private static HeaderField field(byte[] raw, String name, int start, int colon, int end) {
        String text = new String(raw, colon + 1, end - colon - 1, StandardCharsets.UTF_8);
        String unfolded = text.replace("\r\n", "").replace("\n", "").replace("\r", "").strip();
        return new HeaderField(name, unfolded, start, end);
    }

    List<HeaderField> fields() {
        return fields;
    }

    int start() {
        return start;
    }

    int bodyStart() {
        return bodyStart;
    }

    /** The unfolded raw value of the first field with this name, or null. */
    String first(String name) {
        for (HeaderField f : fields) {
            if (f.named(name)) {
                return f.value();
            }
        }
        return null;
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.named(name)) {
                values.add(f.value());
            }
        }
        return values;
    }
}
