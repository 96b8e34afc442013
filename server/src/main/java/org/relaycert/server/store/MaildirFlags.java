package org.relaycert.server.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * IMAP flags and the Maildir info suffix {@code :2,<letters>}: {@code D}raft, {@code F}lagged,
 * {@code R}eplied (= \Answered), {@code S}een, {@code T}rashed (= \Deleted), in ASCII order, then keyword
 * letters {@code a}..{@code z} from the folder's {@link KeywordTable}.
 */
final class MaildirFlags {
    static final String INFO_PREFIX = ":2,";
    /** System flags in the order FETCH FLAGS shows them, with their Maildir letters. */
    private static final String[] SYSTEM = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};
    private static final char[] LETTERS = {'S', 'R', 'F', 'T', 'D'};
    private static final String ATOM_SPECIALS = "(){%*\"\\]";

    private MaildirFlags() {
    }

    /**
     * Canonical, ordered, unmodifiable flags: system flags in their usual spelling (IMAP flags are
     * case-insensitive), {@code \Recent} dropped (never stored), keywords checked to be atoms.
     */
    static Set<String> canonical(Set<String> flags) throws StoreException {
        LinkedHashSet<String> system = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (String flag : flags == null ? Set.<String>of() : flags) {
            if (flag.startsWith("\\")) {
                if (flag.equalsIgnoreCase("\\Recent")) {
                    continue;
                }
                String known = systemFlag(flag);
                if (known == null) {
                    throw new StoreException(StoreException.Kind.INVALID_NAME, "unknown system flag " + flag);
                }
                system.add(known);
            } else {
                checkKeyword(flag);
                if (keywords.stream().noneMatch(flag::equalsIgnoreCase)) {
                    keywords.add(flag);
                }
            }
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String s : SYSTEM) {
            if (system.contains(s)) {
                result.add(s);
            }
        }
        keywords.sort(String.CASE_INSENSITIVE_ORDER);
        result.addAll(keywords);
        return Collections.unmodifiableSet(result);
    }

    /** The info letters (sorted) for canonical flags; new keywords are added to the table. */
    static String encode(Set<String> canonicalFlags, KeywordTable table) throws StoreException {
        StringBuilder letters = new StringBuilder();
        for (String flag : canonicalFlags) {
            int i = List.of(SYSTEM).indexOf(flag);
            letters.append(i >= 0 ? LETTERS[i] : table.letterFor(flag));
        }
        char[] chars = letters.toString().toCharArray();
        java.util.Arrays.sort(chars);
        return new String(chars);
    }

    /** The flags a file name's info letters stand for; unknown letters (e.g. {@code P}) are ignored. */
    static Set<String> decode(String letters, KeywordTable table) {
        LinkedHashSet<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < SYSTEM.length; i++) {
            if (letters.indexOf(LETTERS[i]) >= 0) {
                flags.add(SYSTEM[i]);
            }
        }
        List<String> keywords = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            table.keyword(c).ifPresent(keywords::add);
        }
        keywords.sort(String.CASE_INSENSITIVE_ORDER);
        flags.addAll(keywords);
        return Collections.unmodifiableSet(flags);
    }

    private static String systemFlag(String flag) {
        for (String s : SYSTEM) {
            if (s.equalsIgnoreCase(flag)) {
                return s;
            }
        }
        return null;
    }

    private static void checkKeyword(String keyword) throws StoreException {
        if (keyword.isEmpty()) {
            throw new StoreException(StoreException.Kind.INVALID_NAME, "empty keyword");
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c <= 0x20 || c >= 0x7f || ATOM_SPECIALS.indexOf(c) >= 0) {
                throw new StoreException(StoreException.Kind.INVALID_NAME, "keyword is not an IMAP atom: " + keyword);
            }
        }
    }
}
