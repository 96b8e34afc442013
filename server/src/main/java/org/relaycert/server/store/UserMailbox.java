package org.relaycert.server.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One user's folders. Folder names use {@code /} as hierarchy separator; {@code INBOX} is case-insensitive. */
public final class UserMailbox {
    /** Directories on their way out or in; neither is a folder (no leading dot), both are cleaned at start. */
    private static final String DELETING_PREFIX = "relaycert-deleting-";
    private static final String CREATING_PREFIX = "relaycert-creating-";

    private final String address;
    private final Path dir;
    private final Clock clock;
    private final Listeners listeners;
    private final UidValidityCounter uidValidities;
    /** Open folders by canonical name; guarded by {@code this}, which is taken before any folder lock. */
    private final Map<String, Folder> open = new HashMap<>();
    private final UsageCounter usage = new UsageCounter();
    private boolean gone;

    UserMailbox(String address, Path dir, Clock clock, Listeners listeners) throws StoreException {
        this.address = address;
        this.dir = dir;
        this.clock = clock;
        this.listeners = listeners;
        this.uidValidities = new UidValidityCounter(dir, clock);
        try {
            Durable.createDirectories(dir);
            removeLeftovers();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot create mail directory", e);
        }
        folder(FolderName.INBOX);
    }

    public String address() {
        return address;
    }

    /** All folder names, INBOX first. */
    public List<String> folderNames() throws StoreException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*")) {
            for (Path entry : entries) {
                Optional<String> name = FolderName.fromDirectoryName(entry.getFileName().toString());
                // ".INBOX" made by another program would otherwise list INBOX twice
                if (name.isPresent() && !FolderName.isInbox(name.get()) && FolderScan.isMaildir(entry)) {
                    names.add(name.get());
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot list folders", e);
        }
        names.sort(null);
        names.add(0, FolderName.INBOX);
        return names;
    }

    /** @throws StoreException NONEXISTENT if there is no such folder */
    public Folder folder(String name) throws StoreException {
        String canonical;
        try {
            canonical = FolderName.canonical(name);
        } catch (StoreException e) {
            throw new StoreException(StoreException.Kind.NONEXISTENT, "no folder " + name + ": " + e.getMessage());
        }
        synchronized (this) {
            checkPresent();
            Folder folder = open.get(canonical);
            if (folder != null) {
                return folder;
            }
            Path folderDir = directory(canonical);
            if (!FolderName.isInbox(canonical) && !FolderScan.isMaildir(folderDir)) {
                throw new StoreException(StoreException.Kind.NONEXISTENT, "no folder " + canonical);
            }
            folder = Folder.open(address, canonical, folderDir, clock, listeners, uidValidities, usage);
            open.put(canonical, folder);
            return folder;
        }
    }

    /** @throws StoreException ALREADY_EXISTS, INVALID_NAME ({@code ..}, empty parts, control characters) */
    public Folder create(String name) throws StoreException {
        String canonical = FolderName.canonical(name);
        synchronized (this) {
            checkPresent();
            if (exists(canonical)) {
                throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "folder " + canonical + " exists");
            }
            // Superior levels are created too (RFC 3501 CREATE), so LIST shows a complete hierarchy.
            int slash = canonical.indexOf(FolderName.SEPARATOR);
            while (slash > 0) {
                String parent = canonical.substring(0, slash);
                if (!exists(parent)) {
                    createOne(parent);
                }
                slash = canonical.indexOf(FolderName.SEPARATOR, slash + 1);
            }
            createOne(canonical);
            return folder(canonical);
        }
    }

    /** @throws StoreException NONEXISTENT; INVALID_NAME for INBOX */
    public void delete(String name) throws StoreException {
        String canonical = existing(name);
        if (FolderName.isInbox(canonical)) {
            throw new StoreException(StoreException.Kind.INVALID_NAME, "INBOX cannot be deleted");
        }
        Path trash = dir.resolve(DELETING_PREFIX + UUID.randomUUID());
        synchronized (this) {
            checkPresent();
            if (!exists(canonical)) {
                throw new StoreException(StoreException.Kind.NONEXISTENT, "no folder " + canonical);
            }
            // Atomically out of sight first; the slow recursive delete cannot leave a half folder behind.
            retire(List.of(canonical), canonical, trash);
            usage.invalidate();
        }
        listeners.folderRemoved(address, canonical);
        try {
            Durable.deleteTree(trash);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "folder deleted, cleanup incomplete", e);
        }
    }

    public void rename(String from, String to) throws StoreException {
        FolderRename.rename(this, existing(from), FolderName.canonical(to));
    }

    /** Bytes used by all messages in all folders (quota): exact, from a scan of every folder. */
    public long usedBytes() throws StoreException {
        usage.scanStarted();
        boolean done = false;
        try {
            long total = scanUsedBytes();
            usage.scanned(total, clock.instant());
            done = true;
            return total;
        } finally {
            if (!done) {
                usage.scanFailed();
            }
        }
    }

    /**
     * Bytes used as counted (see {@link UsageCounter}): the last scan's total plus this store's appends and expunges
     * since, scanned afresh when that is older than a minute or the folders changed behind the store's back. May
     * be a little high, never low for the store's own changes; for decisions on the delivery path, which confirm a
     * refusal with {@link #wouldExceed}.
     */
    public long usedBytesCounted() throws StoreException {
        java.util.OptionalLong counted = usage.current(clock.instant());
        return counted.isPresent() ? counted.getAsLong() : usedBytes();
    }

    /**
     * Whether adding {@code bytes} would take the mailbox over {@code quotaBytes}: the count says no, or an exact
     * scan confirms (so a delivery is never refused on a count alone).
     */
    public boolean wouldExceed(long bytes, long quotaBytes) throws StoreException {
        return usedBytesCounted() + bytes > quotaBytes && usedBytes() + bytes > quotaBytes;
    }

    private long scanUsedBytes() throws StoreException {
        long total = 0;
        try {
            for (String name : folderNames()) {
                Path folderDir = directory(name);
                for (String sub : new String[] {FolderScan.NEW, FolderScan.CUR}) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(folderDir.resolve(sub))) {
                        for (Path f : files) {
                            if (MaildirFileName.isMessage(f.getFileName().toString())) {
                                total += sizeIfPresent(f);
                            }
                        }
                    } catch (java.nio.file.NoSuchFileException e) {
                        // deleted meanwhile: uses nothing any more
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot sum mailbox size", e);
        }
        return total;
    }

    // ---- package-private: used by FolderRename and MaildirStore ----

    Path directory(String canonical) {
        return FolderName.isInbox(canonical) ? dir : dir.resolve(FolderName.directoryName(canonical));
    }

    boolean exists(String canonical) {
        return FolderName.isInbox(canonical) || FolderScan.isMaildir(directory(canonical));
    }

    /** Creates one folder: built under a temporary name, then renamed into place, so it appears whole. */
    void createOne(String canonical) throws StoreException {
        Path staging = dir.resolve(CREATING_PREFIX + UUID.randomUUID());
        try {
            FolderScan.createMaildir(staging);
            UidList.create(staging, uidValidities.next());
            Durable.rename(staging, directory(canonical));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot create folder " + canonical, e);
        }
    }

    /**
     * Invalidates the open instances of {@code names} and moves {@code moved}'s directory to {@code target};
     * the caller holds {@code this}.
     */
    void retire(List<String> names, String moved, Path target) throws StoreException {
        List<Folder> locked = new ArrayList<>();
        try {
            for (String n : names) {
                Folder f = open.remove(n);
                if (f != null) {
                    f.lock().lock();
                    locked.add(f);
                    f.markGone();
                }
            }
            if (moved != null) {
                Durable.rename(directory(moved), target);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot move folder " + moved, e);
        } finally {
            locked.forEach(f -> f.lock().unlock());
        }
    }

    /** Marks every open folder gone (user removal); the store then moves the directory away. */
    synchronized List<String> close() throws StoreException {
        gone = true;
        List<String> names = new ArrayList<>(open.keySet());
        retire(names, null, null);
        return names;
    }

    Listeners listeners() {
        return listeners;
    }

    synchronized void checkPresent() throws StoreException {
        if (gone) {
            throw new StoreException(StoreException.Kind.NONEXISTENT, "mailbox " + address + " was removed");
        }
    }

    private String existing(String name) throws StoreException {
        try {
            return FolderName.canonical(name);
        } catch (StoreException e) {
            throw new StoreException(StoreException.Kind.NONEXISTENT, "no folder " + name + ": " + e.getMessage());
        }
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "relaycert-{deleting,creating}-*")) {
            for (Path entry : entries) {
                Durable.deleteTree(entry);
            }
        }
    }

    private static long sizeIfPresent(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }
}
