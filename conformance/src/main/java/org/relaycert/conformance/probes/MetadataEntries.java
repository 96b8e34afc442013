package org.relaycert.conformance.probes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of untagged METADATA responses (RFC 5464 section 4.4):
 * <pre>
 * metadata-resp = "METADATA" SP mailbox SP entry-values
 * entry-values  = "(" entry-value *(SP entry-value) ")"
 * entry-value   = entry SP value          ; value = nstring / literal8
 * </pre>
 * Entry names are lower-cased (they are case-insensitive); a NIL value is kept as {@code null}.
 */
public final class MetadataEntries {
    private final String s;
    private int at;

    private MetadataEntries(String s) {
        this.s = s;
    }

    /** Every entry of the given untagged lines (each {@code * METADATA ...}, literals inline). */
    public static Map<String, String> parse(List<String> untaggedMetadata) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : untaggedMetadata) {
            int open = line.indexOf('(');
            if (open < 0) {
                continue;
            }
            MetadataEntries p = new MetadataEntries(line);
            p.at = open + 1;
            while (p.at < line.length() && line.charAt(p.at) != ')') {
                String entry = p.string().toLowerCase(java.util.Locale.ROOT);
                p.skipSpace();
                out.put(entry, p.nstring());
                p.skipSpace();
            }
        }
        return out;
    }

    private void skipSpace() {
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
    }

    private String nstring() {
        if (s.startsWith("NIL", at)) {
            at += 3;
            return null;
        }
        return string();
    }

    private String string() {
        char c = s.charAt(at);
        if (c == '"') {
            StringBuilder b = new StringBuilder();
            at++;
            while (s.charAt(at) != '"') {
                if (s.charAt(at) == '\\') {
                    at++;
                }
                b.append(s.charAt(at++));
            }
            at++;
            return b.toString();
        }
        if (c == '{' || (c == '~' && s.charAt(at + 1) == '{')) {
            int close = s.indexOf("}\r\n", at);
            int n = Integer.parseInt(s.substring(s.indexOf('{', at) + 1, close).replace("+", ""));
            int start = close + 3;
            byte[] rest = s.substring(start).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String value = new String(rest, 0, Math.min(n, rest.length), java.nio.charset.StandardCharsets.UTF_8);
            at = start + value.length();
            return value;
        }
        int end = at;
        while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != ')') {
            end++;
        }
        String atom = s.substring(at, end);
        at = end;
        return atom;
    }
}
