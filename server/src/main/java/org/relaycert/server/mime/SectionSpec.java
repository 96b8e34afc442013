package org.relaycert.server.mime;

import java.util.List;

/**
 * A parsed IMAP body section ({@code section} in RFC 3501 / RFC 9051 FETCH grammar):
 * <pre>
 * section         = "[" [section-spec] "]"
 * section-spec    = section-msgtext / (section-part ["." section-text])
 * section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
 * section-part    = nz-number *("." nz-number)
 * section-text    = section-msgtext / "MIME"
 * </pre>
 * {@code part} empty means the whole message; {@code text} is one of the {@link Text} values.
 */
public record SectionSpec(List<Integer> part, Text text, List<String> fields) {

    public enum Text { ALL, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME }

    public static final SectionSpec WHOLE = new SectionSpec(List.of(), Text.ALL, List.of());
}
