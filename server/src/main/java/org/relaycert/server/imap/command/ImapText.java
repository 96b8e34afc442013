package org.relaycert.server.imap.command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/** Renders values in IMAP response syntax. */
public final class ImapText {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ImapText() {
    }

    /** A quoted string; callers pass text without CR/LF (names, short values). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            if (c != '\r' && c != '\n') {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A mailbox name as an astring: bare atom when it is one, else quoted. */
    public static String mailbox(String name) {
        return astring(name);
    }

    /** An astring as Dovecot writes one: a bare atom when the text is one, else quoted. */
    public static String astring(String name) {
        boolean atom = !name.isEmpty() && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0);
        return atom && name.getBytes(StandardCharsets.UTF_8).length == name.length() ? name : quote(name);
    }

    public static String flags(Collection<String> flags) {
        return "(" + String.join(" ", flags) + ")";
    }

    /** {@code date-time} = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE. */
    public static String dateTime(Instant t) {
        String s = DATE_TIME.format(t);
        if (s.charAt(0) == '0') {
            s = " " + s.substring(1);
        }
        return "\"" + s + "\"";
    }
}
