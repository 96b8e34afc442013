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
 * Saved by write-temp, fsync, atomic rename; {@code uidNext} only ever grows. After an append it is saved
 * without fsync ({@link #saveWithoutSync()}): the message's own name carries its UID, so a lost update is
 * rebuilt from the directory; before anything removes a message file the list is made durable
 * ({@link #makeDurable()}), so {@code uidNext} cannot fall back below a UID that was ever handed out.
 */
final class UidList {
    static final String FILE = "relaycert-uidlist";
    private static final String MAGIC = "relaycert-uidlist 1";

    private final Path file;
    private final long uidValidity;
    private long uidNext;
    private final TreeMap<Long, String> baseNames;
    private boolean synced = true;

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
        if (Files.size(file) == 0) {
            // What a crash can leave of a save without fsync: the UIDs are lost, so the folder starts
            // over with a new UIDVALIDITY (the caller's), which tells clients to forget what they cached.
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

    /** Records a message under a UID its name claims ({@code uid >= uidNext}, checked by the caller). */
    void addClaimed(long uid, String baseName) {
        baseNames.put(uid, baseName);
        uidNext = Math.max(uidNext, uid + 1);
    }

    void remove(long uid) {
        baseNames.remove(uid);
    }

    void save() throws IOException {
        Durable.replace(file, serialize());
        synced = true;
    }

    /** Saves without fsync (see the class comment for why that is safe after an append). */
    void saveWithoutSync() throws IOException {
        Durable.replaceWithoutSync(file, serialize());
        synced = false;
    }

    /** Fsyncs the list if a save since the last durable one skipped it. */
    void makeDurable() throws IOException {
        if (!synced) {
            save();
        }
    }

    private byte[] serialize() {
        StringBuilder sb = new StringBuilder(MAGIC).append(" V").append(uidValidity).append(" N").append(uidNext)
                .append('\n');
        baseNames.forEach((uid, name) -> sb.append(uid).append(' ').append(name).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
