package org.relaycert.server.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw message bytes into {@link MimePart}s with exact offsets (RFC 2046 section 5.1.1):
 * <pre>
 * multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF body-part
 *                   *encapsulation close-delimiter transport-padding [CRLF epilogue]
 * encapsulation  := delimiter transport-padding CRLF body-part
 * delimiter      := CRLF dash-boundary       ; the CRLF belongs to the delimiter, not the part
 * dash-boundary  := "--" boundary
 * close-delimiter := delimiter "--"
 * </pre>
 * Header and parameter parsing go through {@link MimeHeader} and {@link HeaderParams}. Broken input
 * never throws: a multipart without boundary or without any delimiter becomes text/plain, a missing
 * close delimiter ends the last part at the end of the body, bare LF is accepted as a line break.
 */
final class MimeTreeParser {

    private static final int MAX_DEPTH = 64;

    private final byte[] raw;

    private MimeTreeParser(byte[] raw) {
        this.raw = raw;
    }

    static MimePart parse(byte[] raw) {
        return new MimeTreeParser(raw).entity(0, raw.length, MimePart.DEFAULT_TYPE, 0);
    }

    private MimePart entity(int start, int end, HeaderParams defaultType, int depth) {
        MimeHeader header = MimeHeader.parse(raw, start, end);
        HeaderParams type = contentType(header, defaultType);
        MimePart part = new MimePart(start, end, header, type, List.of(), null);
        if (depth >= MAX_DEPTH) {
            return part;
        }
        if (part.type().equals("multipart")) {
            List<MimePart> children = children(part, depth);
            if (children.isEmpty()) {
                return new MimePart(start, end, header, MimePart.DEFAULT_TYPE, List.of(), null);
            }
            return new MimePart(start, end, header, type, children, null);
        }
        if (isEncapsulatedMessage(part)) {
            MimePart inner = entity(part.bodyStart(), end, MimePart.DEFAULT_TYPE, depth + 1);
            return new MimePart(start, end, header, type, List.of(), inner);
        }
        return part;
    }

    private static HeaderParams contentType(MimeHeader header, HeaderParams defaultType) {
        String value = header.first("Content-Type");
        if (value == null) {
            return defaultType;
        }
        HeaderParams parsed = HeaderParams.parse(value);
        int slash = parsed.value().indexOf('/');
        if (slash <= 0 || slash == parsed.value().length() - 1) {
            return MimePart.DEFAULT_TYPE; // RFC 2045 section 5.2: unparseable means text/plain
        }
        return parsed;
    }

    // Transfer-encoded message/rfc822 is not allowed (RFC 2046 5.2.1); such parts stay opaque.
    private static boolean isEncapsulatedMessage(MimePart part) {
        if (!part.type().equals("message")) {
            return false;
        }
        String sub = part.subtype();
        String enc = part.encoding();
        return (sub.equals("rfc822") || sub.equals("global"))
                && (enc.equals("7bit") || enc.equals("8bit") || enc.equals("binary"));
    }

    private List<MimePart> children(MimePart parent, int depth) {
        String boundary = parent.contentType().param("boundary");
        if (boundary == null || boundary.isEmpty()) {
            return List.of();
        }
        HeaderParams childDefault = parent.subtype().equals("digest")
                ? new HeaderParams("message/rfc822", List.of())
                : MimePart.DEFAULT_TYPE;
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        List<MimePart> parts = new ArrayList<>();
        int partStart = -1;
        int pos = parent.bodyStart();
        int end = parent.end();
        while (pos < end) {
            int next = MimeHeader.lineAfter(raw, pos, end);
            int kind = delimiterKind(pos, MimeHeader.contentEnd(raw, pos, next), dash);
            if (kind != 0) {
                if (partStart >= 0) {
                    int partEnd = Math.max(partStart, lineBreakBefore(pos, parent.bodyStart()));
                    parts.add(entity(partStart, partEnd, childDefault, depth + 1));
                }
                if (kind == 2) {
                    return parts;
                }
                partStart = next;
            }
            pos = next;
        }
        if (partStart >= 0) {
            parts.add(entity(partStart, end, childDefault, depth + 1));
        }
        return parts;
    }

    /** 0: no delimiter, 1: delimiter, 2: close delimiter. */
    private int delimiterKind(int pos, int contentEnd, byte[] dash) {
        if (contentEnd - pos < dash.length) {
            return 0;
        }
        for (int i = 0; i < dash.length; i++) {
            if (raw[pos + i] != dash[i]) {
                return 0;
            }
        }
        int i = pos + dash.length;
        int kind = 1;
        if (i + 2 <= contentEnd && raw[i] == '-' && raw[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        for (; i < contentEnd; i++) {
            if (raw[i] != ' ' && raw[i] != '\t') {
                return 0;
            }
        }
        return kind;
    }

    /** Start of the CRLF (or bare LF) that precedes a delimiter line starting at {@code pos}. */
    private int lineBreakBefore(int pos, int floor) {
        int p = pos;
        if (p > floor && raw[p - 1] == '\n') {
            p--;
            if (p > floor && raw[p - 1] == '\r') {
                p--;
            }
        }
        return p;
    }
}
