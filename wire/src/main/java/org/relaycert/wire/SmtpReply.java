package org.relaycert.wire;

import java.util.List;

/** A complete (possibly multi-line) SMTP reply. */
public record SmtpReply(int code, List<String> lines) {

    public String text() {
        return String.join("\n", lines);
    }

    public boolean positive() {
        return code >= 200 && code < 400;
    }

    /** Whether an EHLO reply advertises a keyword (first word of a line, case-insensitive). */
    public boolean advertises(String keyword) {
        return lines.stream().map(l -> l.length() > 4 ? l.substring(4) : "")
                .anyMatch(l -> l.toUpperCase(java.util.Locale.ROOT).split(" ")[0].equals(keyword.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The parameters of an advertised keyword, e.g. {@code AUTH} -> {@code [PLAIN, LOGIN]}. */
    public List<String> parameters(String keyword) {
        return lines.stream().map(l -> l.length() > 4 ? l.substring(4) : "")
                .map(l -> List.of(l.split(" ")))
                .filter(w -> w.get(0).equalsIgnoreCase(keyword))
                .findFirst().map(w -> w.subList(1, w.size())).orElse(List.of());
    }

    @Override
    public String toString() {
        return text();
    }
}
