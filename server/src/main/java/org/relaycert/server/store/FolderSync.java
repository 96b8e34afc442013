package org.relaycert.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reconciles a folder's UID list with its directory: entries whose file vanished (expiry, quota trimming)
 * are dropped, renamed files get their new flags, and files dropped into {@code new/} or {@code cur/} by
 * another program get the next UIDs in name (= delivery time) order.
 */
final class FolderSync {
    private FolderSync() {
    }

    /** Updates {@code messages} and {@code uids} (saved if changed); the caller holds the folder lock. */
    static FolderChanges run(Path dir, UidList uids, KeywordTable keywords, TreeMap<Long, StoredMessage> messages)
            throws IOException {
        FolderChanges changes = new FolderChanges();
        TreeMap<String, FolderScan.Found> found = FolderScan.scan(dir);
        boolean listChanged = false;
        for (Map.Entry<Long, String> entry : Map.copyOf(uids.baseNames()).entrySet()) {
            long uid = entry.getKey();
            FolderScan.Found file = found.remove(entry.getValue());
            StoredMessage known = messages.get(uid);
            if (file == null) {
                uids.remove(uid);
                listChanged = true;
                if (messages.remove(uid) != null) {
                    changes.expunged.add(uid);
                }
            } else if (known == null || !known.fileName().equals(file.fileName())
                    || !known.subdir().equals(file.subdir())) {
                StoredMessage now = describe(dir, uid, entry.getValue(), file, keywords);
                messages.put(uid, now);
                if (known != null && !known.flags().equals(now.flags())) {
                    changes.flagsChanged.add(now.info());
                }
            }
        }
        // Names carrying the UID they were delivered under (U=, at or above uidNext: a save of the list
        // without fsync was lost) get it back, in UID order; the others (other programs' files) get new ones.
        TreeMap<Long, String> claims = new TreeMap<>();
        for (String base : found.keySet()) {
            MaildirFileName.uid(base).ifPresent(uid -> {
                if (uid >= uids.uidNext()) {
                    claims.putIfAbsent(uid, base);
                }
            });
        }
        for (Map.Entry<Long, String> claim : claims.entrySet()) {
            FolderScan.Found file = found.remove(claim.getValue());
            uids.addClaimed(claim.getKey(), claim.getValue());
            listChanged = true;
            StoredMessage m = describe(dir, claim.getKey(), claim.getValue(), file, keywords);
            messages.put(claim.getKey(), m);
            changes.appended.add(m.info());
        }
        for (Iterator<Map.Entry<String, FolderScan.Found>> it = found.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, FolderScan.Found> e = it.next();
            long uid = uids.add(e.getKey());
            listChanged = true;
            StoredMessage m = describe(dir, uid, e.getKey(), e.getValue(), keywords);
            messages.put(uid, m);
            changes.appended.add(m.info());
        }
        if (listChanged) {
            uids.save();
        }
        changes.expunged.sort(null);
        return changes;
    }

    private static StoredMessage describe(Path dir, long uid, String base, FolderScan.Found file,
            KeywordTable keywords) throws IOException {
        Path path = dir.resolve(file.subdir()).resolve(file.fileName());
        Set<String> flags = file.subdir().equals(FolderScan.CUR)
                ? MaildirFlags.decode(MaildirFileName.infoLetters(file.fileName()), keywords)
                : Set.of();
        return new StoredMessage(uid, base, file.subdir(), file.fileName(), flags,
                Files.getLastModifiedTime(path).toInstant(), Files.size(path));
    }
}
