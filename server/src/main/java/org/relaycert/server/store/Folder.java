package org.relaycert.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.relaycert.server.crash.CrashPoints;

/**
 * One Maildir folder. UIDs are assigned in arrival order and never reused; UIDVALIDITY is fixed at
 * creation and survives restarts. Every mutating method is durable on return and fires the
 * matching {@link StoreListener} event afterwards.
 */
public final class Folder {
    private final String address;
    private final String name;
    private final Path dir;
    private final Clock clock;
    private final Listeners listeners;
    private final ReentrantLock lock = new ReentrantLock();
    private final UidList uids;
    private final KeywordTable keywords;
    private final TreeMap<Long, StoredMessage> messages = new TreeMap<>();
    private final UsageCounter usage;
    private boolean gone;

    private Folder(String address, String name, Path dir, Clock clock, Listeners listeners, UidList uids,
            KeywordTable keywords, UsageCounter usage) {
        this.usage = usage;
        this.address = address;
        this.name = name;
        this.dir = dir;
        this.clock = clock;
        this.listeners = listeners;
        this.uids = uids;
        this.keywords = keywords;
    }

    /** Opens an existing Maildir; {@code uidValidities} is asked only if it has no uid list yet. */
    static Folder open(String address, String name, Path dir, Clock clock, Listeners listeners,
            UidValidityCounter uidValidities, UsageCounter usage) throws StoreException {
        try {
            FolderScan.createMaildir(dir);
            UidList uids = UidList.load(dir).orElse(null);
            if (uids == null) {
                uids = UidList.create(dir, uidValidities.next());
            }
            Folder folder = new Folder(address, name, dir, clock, listeners, uids, KeywordTable.load(dir), usage);
            if (!FolderSync.run(dir, uids, folder.keywords, folder.messages).isEmpty()) {
                usage.invalidate();
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot open folder " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long uidValidity() {
        return uids.uidValidity();
    }

    /** The UID the next appended message will get. */
    public long uidNext() {
        lock.lock();
        try {
            return uids.uidNext();
        } finally {
            lock.unlock();
        }
    }

    /** A consistent snapshot of the folder, ascending by UID. */
    public List<MessageInfo> messages() throws StoreException {
        FolderChanges changes;
        List<MessageInfo> snapshot = new ArrayList<>();
        lock.lock();
        try {
            checkPresent();
            changes = synchronizeOrFail();
            messages.values().forEach(m -> snapshot.add(m.info()));
        } finally {
            lock.unlock();
        }
        changes.fire(listeners, address, name);
        return snapshot;
    }

    /**
     * When each message reached the store, by UID: the time prefix of its Maildir name, which an APPEND's
     * date-time does not change (unlike INTERNALDATE). Names without such a prefix are left out.
     */
    public Map<Long, Instant> arrivals() throws StoreException {
        messages(); // picks up changes made outside this process first
        Map<Long, Instant> result = new TreeMap<>();
        lock.lock();
        try {
            for (StoredMessage stored : messages.values()) {
                MaildirFileName.arrival(stored.baseName()).ifPresent(t -> result.put(stored.uid(), t));
            }
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Opens a message's octets once more (a store writes from it without holding it in memory). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** Stores a message (tmp, fsync, rename into new/cur), mtime = internalDate; returns it with its UID. */
    public MessageInfo append(byte[] content, Set<String> flags, Instant internalDate) throws StoreException {
        return append(() -> new java.io.ByteArrayInputStream(content), content.length, flags, internalDate);
    }

    /**
     * As above, the {@code size} octets copied from {@code content}. The copy is written and fsynced in
     * {@code tmp/} without the folder lock, so concurrent deliveries to one folder write and fsync their files
     * side by side; then they are committed in groups ({@link #commit}): each gets the next UID and is renamed
     * into {@code new/} or {@code cur/}, and one fsync of that directory makes every rename of the group durable.
     * Durable on return, as before: the file and the directory entry that names it are on disk.
     */
    public MessageInfo append(Content content, long size, Set<String> flags, Instant internalDate)
            throws StoreException {
        Set<String> canonical = MaildirFlags.canonical(flags);
        // INTERNALDATE has whole seconds in IMAP and time_t in Dovecot's Maildir.
        Instant date = (internalDate == null ? clock.instant() : internalDate).truncatedTo(ChronoUnit.SECONDS);
        lock.lock();
        try {
            checkPresent();
        } finally {
            lock.unlock();
        }
        // The name without its UID: the UID is assigned at the commit, in commit order.
        String tmpBase = MaildirFileName.newBase(clock.instant(), size);
        Path tmp = dir.resolve("tmp").resolve(tmpBase);
        try (InputStream in = content.open()) {
            Durable.writeNew(tmp, in, size, FileTime.from(date));
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw io("cannot store message", e);
        }
        CrashPoints.reach(CrashPoints.APPEND_TMP_WRITTEN);
        StoredMessage stored = commit(new PendingAppend(tmpBase, canonical, date, size));
        listeners.appended(address, name, stored.info());
        return stored.info();
    }

    /** One message written and fsynced in {@code tmp/}, waiting for its UID and its rename (see {@link #commit}). */
    private static final class PendingAppend {
        final String tmpBase;
        final Set<String> flags;
        final Instant date;
        final long size;
        StoredMessage stored;
        StoreException failure;
        boolean done;

        PendingAppend(String tmpBase, Set<String> flags, Instant date, long size) {
            this.tmpBase = tmpBase;
            this.flags = flags;
            this.date = date;
            this.size = size;
        }
    }

    /** Appends waiting to be committed, and whether a commit is running: guarded by {@link #commitLock}. */
    private final ReentrantLock commitLock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition committed = commitLock.newCondition();
    private final List<PendingAppend> pending = new ArrayList<>();
    private boolean committing;

    /**
     * Group commit: the first append to find no commit running commits every append pending at that moment (its
     * own included); appends arriving meanwhile wait, and the first of them commits them all once it is done.
     * So a folder under load costs one directory fsync per group instead of one per message, and each append
     * still returns only after its own rename is durable.
     */
    private StoredMessage commit(PendingAppend mine) throws StoreException {
        List<PendingAppend> group = null;
        commitLock.lock();
        try {
            pending.add(mine);
            while (!mine.done && committing) {
                committed.awaitUninterruptibly();
            }
            if (!mine.done) {
                committing = true;
                group = new ArrayList<>(pending);
                pending.clear();
            }
        } finally {
            commitLock.unlock();
        }
        if (group != null) {
            try {
                commitGroup(group);
            } catch (RuntimeException | Error e) {
                for (PendingAppend p : group) {
                    if (p.failure == null && p.stored == null) {
                        p.failure = new StoreException(StoreException.Kind.IO, "cannot store message: " + e, e);
                    }
                }
                throw e;
            } finally {
                commitLock.lock();
                try {
                    committing = false;
                    group.forEach(p -> p.done = true);
                    committed.signalAll();
                } finally {
                    commitLock.unlock();
                }
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.stored;
    }

    /** Renames a group of appends into place under the folder lock, then one fsync per directory they went to. */
    private void commitGroup(List<PendingAppend> group) {
        lock.lock();
        try {
            if (gone) {
                for (PendingAppend p : group) {
                    deleteQuietly(dir.resolve("tmp").resolve(p.tmpBase));
                    p.failure = new StoreException(StoreException.Kind.NONEXISTENT, "folder " + name + " no longer exists");
                }
                return;
            }
            List<PendingAppend> renamed = new ArrayList<>(group.size());
            boolean toNew = false;
            boolean toCur = false;
            for (PendingAppend p : group) {
                Path tmp = dir.resolve("tmp").resolve(p.tmpBase);
                String letters;
                try {
                    letters = MaildirFlags.encode(p.flags, keywords);
                } catch (StoreException e) {
                    deleteQuietly(tmp);
                    p.failure = e;
                    continue;
                }
                String base = MaildirFileName.withUid(p.tmpBase, uids.uidNext());
                boolean intoNew = letters.isEmpty();
                String subdir = intoNew ? FolderScan.NEW : FolderScan.CUR;
                String fileName = intoNew ? base : MaildirFileName.withInfo(base, letters);
                try {
                    Files.move(tmp, dir.resolve(subdir).resolve(fileName), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    deleteQuietly(tmp);
                    p.failure = io("cannot store message", e);
                    continue;
                }
                CrashPoints.reach(CrashPoints.APPEND_RENAMED);
                long uid = uids.add(base);
                p.stored = new StoredMessage(uid, base, subdir, fileName, p.flags, p.date, p.size);
                messages.put(uid, p.stored);
                renamed.add(p);
                toNew |= intoNew;
                toCur |= !intoNew;
            }
            if (renamed.isEmpty()) {
                return;
            }
            try {
                // One fsync per directory makes every rename of the group durable; the list is rebuilt from the
                // names (each carries its U=), so it is saved without fsync.
                if (toNew) {
                    Durable.syncDirectory(dir.resolve(FolderScan.NEW));
                }
                if (toCur) {
                    Durable.syncDirectory(dir.resolve(FolderScan.CUR));
                }
                uids.appendWithoutSync();
                usage.changed(renamed.stream().mapToLong(p -> p.size).sum());
            } catch (IOException e) {
                usage.invalidate();
                // The files are in the folder (and keep their UIDs), but not known to be durable: no success.
                for (PendingAppend p : renamed) {
                    p.failure = io("cannot store message", e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a file left in tmp/ goes with the stale ones (StaleTmpFiles)
        }
    }

    /** The raw RFC 5322 bytes as stored (CRLF line ends). */
    public byte[] read(long uid) throws StoreException {
        try (InputStream in = open(uid)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw io("cannot read message " + uid, e);
        }
    }

    public InputStream open(long uid) throws StoreException {
        return java.nio.channels.Channels.newInputStream(channel(uid));
    }

    /** The stored message as an open file, for reading it in pieces (the caller closes it). */
    public java.nio.channels.FileChannel channel(long uid) throws StoreException {
        lock.lock();
        try {
            checkPresent();
            // An open file stays readable on POSIX even if renamed or expunged meanwhile.
            try {
                return java.nio.channels.FileChannel.open(message(uid).path(dir));
            } catch (NoSuchFileException e) {
                synchronizeOrFail(); // renamed or removed by another program
                return java.nio.channels.FileChannel.open(message(uid).path(dir));
            }
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreException.Kind.NONEXISTENT, "message " + uid + " is gone");
        } catch (IOException e) {
            throw io("cannot read message " + uid, e);
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the flags of one message; returns the updated info. */
    public MessageInfo setFlags(long uid, Set<String> flags) throws StoreException {
        Set<String> canonical = MaildirFlags.canonical(flags);
        StoredMessage updated;
        lock.lock();
        try {
            checkPresent();
            StoredMessage old = message(uid);
            if (old.flags().equals(canonical)) {
                return old.info();
            }
            String fileName = MaildirFileName.withInfo(old.baseName(), MaildirFlags.encode(canonical, keywords));
            updated = new StoredMessage(uid, old.baseName(), FolderScan.CUR, fileName, canonical,
                    old.internalDate(), old.size());
            try {
                Durable.rename(old.path(dir), updated.path(dir));
            } catch (NoSuchFileException e) {
                synchronizeOrFail();
                throw new StoreException(StoreException.Kind.NONEXISTENT, "message " + uid + " is gone");
            } catch (IOException e) {
                throw io("cannot change flags of message " + uid, e);
            }
            messages.put(uid, updated);
        } finally {
            lock.unlock();
        }
        listeners.flagsChanged(address, name, updated.info());
        return updated.info();
    }

    /** Removes the given messages (unknown UIDs ignored); returns the UIDs removed, ascending. */
    public List<Long> expunge(Collection<Long> uidsToRemove) throws StoreException {
        List<Long> removed = new ArrayList<>();
        lock.lock();
        try {
            checkPresent();
            try {
                uids.makeDurable(); // before any name (with its U=) is gone, uidNext must be on disk
                for (long uid : new TreeSet<>(uidsToRemove)) {
                    StoredMessage m = messages.remove(uid);
                    if (m != null) {
                        Files.deleteIfExists(m.path(dir));
                        usage.changed(-m.size());
                        CrashPoints.reach(CrashPoints.EXPUNGE_FIRST_DELETED);
                        uids.remove(uid);
                        removed.add(uid);
                    }
                }
                if (!removed.isEmpty()) {
                    Durable.syncDirectory(dir.resolve(FolderScan.NEW));
                    Durable.syncDirectory(dir.resolve(FolderScan.CUR));
                    uids.save();
                }
            } catch (IOException e) {
                throw io("cannot expunge", e);
            }
        } finally {
            lock.unlock();
        }
        removed.forEach(uid -> listeners.expunged(address, name, uid));
        return removed;
    }

    /** Copies messages into {@code target} keeping flags and internal date; returns source UID -> new UID. */
    public Map<Long, Long> copyTo(Collection<Long> uidsToCopy, Folder target) throws StoreException {
        Map<Long, Long> copies = new LinkedHashMap<>();
        // One message at a time, never holding both folders' locks: copies in both directions cannot deadlock.
        for (long uid : new TreeSet<>(uidsToCopy)) {
            byte[] content;
            StoredMessage m;
            lock.lock();
            try {
                checkPresent();
                m = messages.get(uid);
                if (m == null) {
                    continue;
                }
                content = read(uid);
            } finally {
                lock.unlock();
            }
            copies.put(uid, target.append(content, m.flags(), m.internalDate()).uid());
        }
        return copies;
    }

    /** Marks this instance dead (folder deleted, renamed or user removed); the caller holds {@link #lock()}. */
    void markGone() {
        gone = true;
    }

    ReentrantLock lock() {
        return lock;
    }

    private StoredMessage message(long uid) throws StoreException {
        StoredMessage m = messages.get(uid);
        if (m == null) {
            throw new StoreException(StoreException.Kind.NONEXISTENT, "no message with UID " + uid);
        }
        return m;
    }

    private void checkPresent() throws StoreException {
        if (gone) {
            throw new StoreException(StoreException.Kind.NONEXISTENT, "folder " + name + " no longer exists");
        }
    }

    /** Brings the in-memory view in line with the directory: files removed, renamed or dropped in by others. */
    private FolderChanges synchronizeOrFail() throws StoreException {
        try {
            FolderChanges changes = FolderSync.run(dir, uids, keywords, messages);
            if (!changes.isEmpty()) {
                usage.invalidate(); // other programs' files came or went
            }
            return changes;
        } catch (IOException e) {
            throw io("cannot scan folder " + name, e);
        }
    }

    private static StoreException io(String message, IOException e) {
        return new StoreException(StoreException.Kind.IO, message + ": " + e.getMessage(), e);
    }
}
