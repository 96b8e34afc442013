package org.relaycert.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder's keywords ({@code $MDNSent}, ...) and the Maildir info letters {@code a}..{@code z} that stand
 * for them in file names, Dovecot-style. Persisted as one {@code <index> <keyword>} line each; an index is
 * never reassigned, so letters in existing file names keep their meaning.
 */
final class KeywordTable {
    static final String FILE = "relaycert-keywords";
    static final int MAX_KEYWORDS = 26;

    private final Path file;
    private final List<String> keywords;

    private KeywordTable(Path file, List<String> keywords) {
        this.file = file;
        this.keywords = keywords;
    }

    static KeywordTable load(Path folderDir) throws IOException {
        Path file = folderDir.resolve(FILE);
        List<String> keywords = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                int index = Integer.parseInt(line.substring(0, space));
                if (index >= 0 && index < MAX_KEYWORDS) {
                    while (keywords.size() <= index) {
                        keywords.add(null);
                    }
                    keywords.set(index, line.substring(space + 1));
                }
            }
        }
        return new KeywordTable(file, keywords);
    }

    /** The letter of a keyword (matched case-insensitively), adding it durably if new. */
    char letterFor(String keyword) throws StoreException {
        for (int i = 0; i < keywords.size(); i++) {
            if (keyword.equalsIgnoreCase(keywords.get(i))) {
                return (char) ('a' + i);
            }
        }
        if (keywords.size() >= MAX_KEYWORDS) {
            throw new StoreException(StoreException.Kind.INVALID_NAME,
                    "too many keywords in this folder (at most " + MAX_KEYWORDS + ")");
        }
        keywords.add(keyword);
        try {
            Durable.replace(file, serialize());
        } catch (IOException e) {
            keywords.remove(keywords.size() - 1);
            throw new StoreException(StoreException.Kind.IO, "cannot store keyword", e);
        }
        return (char) ('a' + keywords.size() - 1);
    }

    /** The keyword spelling as first stored for a letter, if any. */
    Optional<String> keyword(char letter) {
        int i = letter - 'a';
        return i >= 0 && i < keywords.size() ? Optional.ofNullable(keywords.get(i)) : Optional.empty();
    }

    private byte[] serialize() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keywords.size(); i++) {
            if (keywords.get(i) != null) {
                sb.append(i).append(' ').append(keywords.get(i)).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
