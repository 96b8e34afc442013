package org.relaycert.wire;

import java.util.List;
import java.util.Locale;

/** The untagged lines and the tagged completion of one IMAP command. */
public record ImapResponse(String tag, String status, String tagged, List<String> untagged) {

    public boolean ok() {
        return "OK".equals(status);
    }

    /** Untagged lines starting with {@code * <word>} (case-insensitive), e.g. {@code CAPABILITY}. */
    public List<String> untagged(String word) {
        String prefix = "* " + word.toUpperCase(Locale.ROOT);
        return untagged.stream().filter(l -> l.toUpperCase(Locale.ROOT).startsWith(prefix)).toList();
    }

    @Override
    public String toString() {
        return String.join("\n", untagged) + (untagged.isEmpty() ? "" : "\n") + tagged;
    }
}
