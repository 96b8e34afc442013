package org.relaycert.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The persistent UID state of one folder, like Dovecot's {@code dovecot-uidlist}: a header
 * {@code V<uidvalidity> N<uidnext>} then one {@code <uid> <maildir base name>} line per message.
 * Saved by write-temp, fsync, atomic rename; {@code uidNext} only ever grows. After an append the new lines are
 * appended to the file without fsync ({@link #appendWithoutSync()}; the header's {@code N} is then behind, and
 * reading takes the largest UID listed + 1 where that is more): the message's own name carries its UID, so a lost
 * or torn append is rebuilt from the directory (a last line without its line end is ignored); before anything
 * removes a message file the list is made durable ({@link #makeDurable()}: rewritten whole and fsynced), so
 * {@code uidNext} cannot fall back below a UID that was ever handed out. Appending costs the new lines only,
 * where rewriting cost the whole list (a folder of thousands of messages made every delivery rewrite it).
 */
final class UidList {
    static final String FILE = "relaycert-uidlist";
    private static final String MAGIC = "relaycert-uidlist 1";

    private final Path file;
    private final long uidValidity;
    private long uidNext;
    private final TreeMap<Long, String> baseNames;
    private boolean synced = true;
    /** Entries added since the file was last written (appended by {@link #appendWithoutSync()}). */
    private final java.util.Set<Long> unwritten = new java.util.LinkedHashSet<>();

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
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        // The part after the last line end: empty, or a line an append without fsync left torn by a crash.
        lines.remove(lines.size() - 1);
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
                long uid;
                try {
                    uid = Long.parseLong(line.substring(0, space));
                } catch (NumberFormatException e) {
                    continue; // not a line this list wrote: the names in the directory say the UIDs
                }
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
        unwritten.add(uid);
        return uid;
    }

    /** Records a message under a UID its name claims ({@code uid >= uidNext}, checked by the caller). */
    void addClaimed(long uid, String baseName) {
        baseNames.put(uid, baseName);
        unwritten.add(uid);
        uidNext = Math.max(uidNext, uid + 1);
    }

    void remove(long uid) {
        baseNames.remove(uid);
        unwritten.remove(uid);
    }

    void save() throws IOException {
        Durable.replace(file, serialize());
        unwritten.clear();
        synced = true;
    }

    /** Saves the whole list without fsync. */
    void saveWithoutSync() throws IOException {
        Durable.replaceWithoutSync(file, serialize());
        unwritten.clear();
        synced = false;
    }

    /**
     * Appends the entries added since the last write to the file, without fsync (see the class comment for why
     * that is safe after an append); the whole list is rewritten instead if the file is missing.
     */
    void appendWithoutSync() throws IOException {
        if (unwritten.isEmpty()) {
            return;
        }
        if (!Files.exists(file)) {
            saveWithoutSync();
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (long uid : unwritten) {
            String name = baseNames.get(uid);
            if (name != null) {
                sb.append(uid).append(' ').append(name).append('\n');
            }
        }
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        unwritten.clear();
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
