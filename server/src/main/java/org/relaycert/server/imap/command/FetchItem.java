package org.relaycert.server.imap.command;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.relaycert.server.mime.SectionSpec;

/**
 * One requested FETCH attribute (RFC 3501 6.4.5 / 7.4.2):
 * <pre>
 * fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
 *             "BODY" ["STRUCTURE"] / "UID" /
 *             "BODY" section ["&lt;" number "." nz-number "&gt;"] /
 *             "BODY.PEEK" section ["&lt;" number "." nz-number "&gt;"]
 * </pre>
 */
public sealed interface FetchItem {

    enum Simple implements FetchItem { FLAGS, UID, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODYSTRUCTURE, BODY }

    /**
     * Message content. {@code name} is the response item name (e.g. {@code RFC822} or {@code BODY[TEXT]});
     * {@code setsSeen} false for PEEK and RFC822.HEADER; {@code offset} -1 when no partial was asked.
     */
    record Content(String name, SectionSpec spec, boolean setsSeen, long offset, long length) implements FetchItem {
        /** The item name in the response: a partial fetch names only its origin octet. */
        public String responseName() {
            return offset < 0 ? name : name + "<" + offset + ">";
        }
    }

    /** {@code BODY[<section>]} as it is named in responses. */
    static String sectionName(SectionSpec spec) {
        StringBuilder b = new StringBuilder("BODY[");
        b.append(spec.part().stream().map(String::valueOf).collect(Collectors.joining(".")));
        String text = switch (spec.text()) {
            case ALL -> "";
            case HEADER -> "HEADER";
            case HEADER_FIELDS -> "HEADER.FIELDS";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
        };
        if (!text.isEmpty()) {
            b.append(spec.part().isEmpty() ? "" : ".").append(text);
        }
        if (!spec.fields().isEmpty()) {
            b.append(" (").append(spec.fields().stream().map(f -> f.toUpperCase(Locale.ROOT))
                    .collect(Collectors.joining(" "))).append(')');
        }
        return b.append(']').toString();
    }

    static List<FetchItem> macro(String name) {
        return switch (name) {
            case "FAST" -> List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE);
            case "ALL" -> List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE);
            case "FULL" -> List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE, Simple.BODY);
            default -> null;
        };
    }
}
