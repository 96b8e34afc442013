package org.relaycert.server.imap.command;

import java.util.Locale;
import java.util.Map;

/** System flags are case-insensitive on the wire; the store keeps one spelling. */
final class SystemFlags {
    private static final Map<String, String> CANONICAL = Map.of(
            "\\seen", "\\Seen", "\\answered", "\\Answered", "\\flagged", "\\Flagged",
            "\\deleted", "\\Deleted", "\\draft", "\\Draft");

    private SystemFlags() {
    }

    static String canonical(String flag) {
        return CANONICAL.getOrDefault(flag.toLowerCase(Locale.ROOT), flag);
    }
}
