package org.relaycert.server.mime;

import java.util.List;
import java.util.Locale;

/**
 * One MIME entity located in the raw message: {@code [start, bodyStart)} is its header (including
 * the blank line, if any) and {@code [bodyStart, end)} its body as stored, still transfer-encoded.
 * A multipart has {@code children}; a message/rfc822 part has the encapsulated {@code message}.
 */
record MimePart(
        int start,
        int end,
        MimeHeader header,
        HeaderParams contentType,
        List<MimePart> children,
        MimePart message) {

    static final HeaderParams DEFAULT_TYPE =
            new HeaderParams("text/plain", List.of(new HeaderParams.Param("charset", "us-ascii")));

    int bodyStart() {
        return header.bodyStart();
    }

    String type() {
        String v = contentType.lowerValue();
        int slash = v.indexOf('/');
        return slash < 0 ? v : v.substring(0, slash).strip();
    }

    String subtype() {
        String v = contentType.lowerValue();
        int slash = v.indexOf('/');
        return slash < 0 ? "" : v.substring(slash + 1).strip();
    }

    boolean isMultipart() {
        return !children.isEmpty();
    }

    /** Content-Transfer-Encoding, lower case; "7bit" when absent (RFC 2045 section 6.1). */
    String encoding() {
        String cte = header.first("Content-Transfer-Encoding");
        return cte == null || cte.isBlank() ? "7bit" : cte.strip().toLowerCase(Locale.ROOT);
    }
}
