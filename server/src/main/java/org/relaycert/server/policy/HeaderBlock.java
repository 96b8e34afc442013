package org.relaycert.server.policy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The top-level header of a raw message as a list of fields, each with its folded lines kept byte for
 * byte (RFC 5322 section 2.2.3), and the body untouched. Only the top-level header is ever rewritten:
 * body-part headers belong to the end-to-end content.
 *
 * <pre>
 * message = *field CRLF body      field = name ":" value CRLF *(WSP text CRLF)
 * </pre>
 */
final class HeaderBlock {
    /** One field: its name and all of its bytes including the final line end. */
    record RawField(String name, byte[] bytes) {
        boolean named(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    private final List<RawField> fields;
    private final byte[] raw;
    private final int bodyStart;

    private HeaderBlock(List<RawField> fields, byte[] raw, int bodyStart) {
        this.fields = fields;
        this.raw = raw;
        this.bodyStart = bodyStart;
    }

    static HeaderBlock parse(byte[] raw) {
        List<RawField> fields = new ArrayList<>();
        int pos = 0;
        while (pos < raw.length && raw[pos] != '\r' && raw[pos] != '\n') {
            int start = pos;
            do {
                pos = lineEnd(raw, pos);
            } while (pos < raw.length && (raw[pos] == ' ' || raw[pos] == '\t'));
            int colon = start;
            while (colon < pos && raw[colon] != ':') {
                colon++;
            }
            String name = new String(raw, start, colon - start, StandardCharsets.US_ASCII).strip();
            fields.add(new RawField(name, java.util.Arrays.copyOfRange(raw, start, pos)));
        }
        return new HeaderBlock(fields, raw, pos);
    }

    private static int lineEnd(byte[] raw, int pos) {
        while (pos < raw.length && raw[pos] != '\n') {
            pos++;
        }
        return Math.min(pos + 1, raw.length);
    }

    List<RawField> fields() {
        return fields;
    }

    /** The message with {@code edited} as its header and the original separator and body. */
    byte[] with(List<RawField> edited) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        edited.forEach(f -> out.writeBytes(f.bytes()));
        out.write(raw, bodyStart, raw.length - bodyStart);
        return out.toByteArray();
    }

    static RawField field(String name, String value) {
        return new RawField(name, (name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
