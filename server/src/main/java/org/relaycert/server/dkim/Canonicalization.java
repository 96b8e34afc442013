package org.relaycert.server.dkim;

/**
 * RFC 6376 section 3.4 canonicalization. Header fields: {@code simple} keeps them as they are;
 * {@code relaxed} lower-cases the name, unfolds, turns WSP runs into one SP and trims around the colon
 * and at the end. Bodies: trailing empty lines go; {@code relaxed} also trims line-end WSP and collapses
 * WSP runs. An empty body is CRLF under simple and empty under relaxed.
 */
public enum Canonicalization {
    SIMPLE, RELAXED;

    public static Canonicalization parse(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "simple" -> SIMPLE;
            case "relaxed" -> RELAXED;
            default -> throw new IllegalArgumentException("unknown canonicalization " + s);
        };
    }

    /** One header field (raw, with its CRLF), canonicalized, CRLF included. */
    public String header(HeaderBlock.Field field) {
        if (this == SIMPLE) {
            return field.raw().endsWith("\r\n") ? field.raw() : field.raw() + "\r\n";
        }
        String value = field.value().replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return HeaderBlock.lower(field.name().strip()) + ":" + value + "\r\n";
    }

    public String body(String body) {
        String b = body;
        if (this == RELAXED) {
            b = b.replaceAll("[ \t]+\r\n", "\r\n").replaceAll("[ \t]+", " ");
            if (!b.isEmpty() && !b.endsWith("\r\n")) {
                b = b.replaceAll("[ \t]+$", "") + "\r\n";
            }
        } else if (!b.isEmpty() && !b.endsWith("\r\n")) {
            b = b + "\r\n";
        }
        while (b.endsWith("\r\n\r\n")) {
            b = b.substring(0, b.length() - 2);
        }
        if (this == SIMPLE && b.isEmpty()) {
            return "\r\n";
        }
        if (this == RELAXED && b.equals("\r\n")) {
            return "";
        }
        return b;
    }
}
