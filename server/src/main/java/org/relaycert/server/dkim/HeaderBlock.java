package org.relaycert.server.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message split into its header fields (each with its folded raw text, CRLF included) and its body, on
 * bytes read as ISO-8859-1 so every octet survives. RFC 5322: {@code field = name ":" value CRLF}, a line
 * starting with WSP continues the previous field; the header ends at the first empty line.
 */
public record HeaderBlock(List<Field> fields, String body) {

    /** One header field as it appears in the message. */
    public record Field(String name, String raw) {
        /** The text after the colon, folding kept. */
        public String value() {
            String v = raw.substring(raw.indexOf(':') + 1);
            return v.endsWith("\r\n") ? v.substring(0, v.length() - 2) : v;
        }

        public boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    public static HeaderBlock parse(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int eol = text.indexOf("\r\n", pos);
            int end = eol < 0 ? text.length() : eol + 2;
            String line = text.substring(pos, end);
            if (line.equals("\r\n")) {
                pos = end;
                return new HeaderBlock(fields, text.substring(pos));
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                Field last = fields.remove(fields.size() - 1);
                fields.add(new Field(last.name(), last.raw() + line));
            } else {
                int colon = line.indexOf(':');
                String name = colon < 0 ? line.strip() : line.substring(0, colon).strip();
                fields.add(new Field(name, line));
            }
            pos = end;
        }
        return new HeaderBlock(fields, "");
    }

    /** The values of every field of this name, top to bottom. */
    public List<String> values(String name) {
        return fields.stream().filter(f -> f.is(name)).map(Field::value).toList();
    }

    /** The message without the fields of these names (case-insensitive). */
    public byte[] without(String... names) {
        return (kept(names) + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Only the header fields, without those of these names (for a header parsed on its own). */
    public byte[] withoutFields(String... names) {
        return kept(names).getBytes(StandardCharsets.ISO_8859_1);
    }

    private String kept(String... names) {
        StringBuilder out = new StringBuilder();
        outer:
        for (Field f : fields) {
            for (String n : names) {
                if (f.is(n)) {
                    continue outer;
                }
            }
            out.append(f.raw());
        }
        return out.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
