package org.relaycert.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The persistent UID state of one folder, like Dovecot's {@code dovecot-uidlist}: a header
 * {@code V<uidvalidity> N<uidnext>} then one {@code <uid> <maildir base name>} line per message.
 * Saved by write-temp, fsync, atomic rename; {@code uidNext} only ever grows.
 */
final class UidList {
    static final String FILE = "relaycert-uidlist";
    private static final String MAGIC = "relaycert-uidlist 1";

    private final Path file;
    private final long uidValidity;
    private long uidNext;
    private final TreeMap<Long, String> baseNames;

    private UidList(Path file, long uidValidity, long uidNext, TreeMap<Long, String> baseNames) {
        this.file = file;
        this.uidValidity = uidValidity;
        this.uidNext = uidNext;
        this.baseNames = baseNames;
    }

    static UidList create(Path folderDir, long uidValidity) throws IOException {
        UidList list = new UidList(folderDir.resolve(FILE), uidValidity, 1, new TreeMap<>());
        list.save();
        return list;
    }

    static Optional<UidList> load(Path folderDir) throws IOException {
        Path file = folderDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC + " ")) {
            throw new IOException("unreadable uid list " + file);
        }
        long validity = 0;
        long next = 1;
        for (String field : lines.get(0).substring(MAGIC.length() + 1).split(" ")) {
            if (field.startsWith("V")) {
                validity = Long.parseLong(field.substring(1));
            } else if (field.startsWith("N")) {
                next = Long.parseLong(field.substring(1));
            }
        }
        TreeMap<Long, String> names = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space > 0) {
                long uid = Long.parseLong(line.substring(0, space));
                names.put(uid, line.substring(space + 1));
                next = Math.max(next, uid + 1);
            }
        }
        if (validity <= 0) {
            throw new IOException("uid list without UIDVALIDITY " + file);
        }
        return Optional.of(new UidList(file, validity, next, names));
    }

    long uidValidity() {
        return uidValidity;
    }

    long uidNext() {
        return uidNext;
    }

    SortedMap<Long, String> baseNames() {
        return Collections.unmodifiableSortedMap(baseNames);
    }

    /** Records a message under the next UID (in memory; call {@link #save()}). */
    long add(String baseName) {
        long uid = uidNext++;
        baseNames.put(uid, baseName);
        return uid;
    }

    void remove(long uid) {
        baseNames.remove(uid);
    }

    void save() throws IOException {
        StringBuilder sb = new StringBuilder(MAGIC).append(" V").append(uidValidity).append(" N").append(uidNext)
                .append('\n');
        baseNames.forEach((uid, name) -> sb.append(uid).append(' ').append(name).append('\n'));
        Durable.replace(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
