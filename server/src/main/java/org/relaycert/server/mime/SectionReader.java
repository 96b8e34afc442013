package org.relaycert.server.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts FETCH body sections out of the raw message (RFC 3501 section 6.4.5, RFC 9051 section 6.4.5).
 * <pre>
 * section-spec    = section-msgtext / (section-part ["." section-text])
 * section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
 * section-part    = nz-number *("." nz-number)
 * section-text    = section-msgtext / "MIME"
 * </pre>
 * Part numbering: the parts of a multipart are numbered 1..n; a non-multipart message has only part
 * 1, its body; the numbers after a message/rfc822 part address the parts of the encapsulated
 * message in the same way. HEADER, HEADER.FIELDS and TEXT after a part number apply only to
 * message/rfc822 parts. Everything returned is the stored bytes, unchanged; a section that does not
 * exist is an empty array.
 */
final class SectionReader {

    private static final byte[] EMPTY = new byte[0];

    private SectionReader() {
    }

    static byte[] read(byte[] raw, MimePart root, SectionSpec spec) {
        List<Integer> path = spec.part() == null ? List.of() : spec.part();
        SectionSpec.Text text = spec.text() == null ? SectionSpec.Text.ALL : spec.text();
        List<String> fields = spec.fields() == null ? List.of() : spec.fields();
        if (path.isEmpty()) {
            return text == SectionSpec.Text.ALL ? raw.clone() : messageText(raw, root, text, fields);
        }
        MimePart part = resolve(root, path);
        if (part == null) {
            return EMPTY;
        }
        return switch (text) {
            case ALL -> Arrays.copyOfRange(raw, part.bodyStart(), part.end());
            case MIME -> Arrays.copyOfRange(raw, part.start(), part.bodyStart());
            default -> part.message() == null ? EMPTY : messageText(raw, part.message(), text, fields);
        };
    }

    private static byte[] messageText(byte[] raw, MimePart message, SectionSpec.Text text, List<String> fields) {
        return switch (text) {
            case HEADER -> Arrays.copyOfRange(raw, message.start(), message.bodyStart());
            case TEXT -> Arrays.copyOfRange(raw, message.bodyStart(), message.end());
            case HEADER_FIELDS -> headerFields(raw, message.header(), fields, true);
            case HEADER_FIELDS_NOT -> headerFields(raw, message.header(), fields, false);
            default -> EMPTY; // MIME needs a part number
        };
    }

    /** The selected fields' original bytes in message order, then the CRLF that ends a header. */
    private static byte[] headerFields(byte[] raw, MimeHeader header, List<String> names, boolean wanted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderField field : header.fields()) {
            boolean listed = names.stream().anyMatch(field::named);
            if (listed == wanted) {
                out.write(raw, field.start(), field.end() - field.start());
                if (raw[field.end() - 1] != '\n') {
                    out.write('\r');
                    out.write('\n');
                }
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    static MimePart resolve(MimePart root, List<Integer> path) {
        MimePart current = root;
        boolean atRoot = true;
        for (int n : path) {
            MimePart next;
            if (current.isMultipart()) {
                next = child(current, n);
            } else if (atRoot) {
                next = n == 1 ? root : null;
            } else if (current.message() != null) {
                MimePart inner = current.message();
                next = inner.isMultipart() ? child(inner, n) : (n == 1 ? inner : null);
            } else {
                next = null;
            }
            if (next == null) {
                return null;
            }
            current = next;
            atRoot = false;
        }
        return current;
    }

    private static MimePart child(MimePart multipart, int n) {
        List<MimePart> children = multipart.children();
        return n >= 1 && n <= children.size() ? children.get(n - 1) : null;
    }
}
