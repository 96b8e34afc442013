package org.relaycert.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All users' mail on disk: {@code <root>/<address>/} holds a Maildir per folder. Durable: a method
 * that returns has fsynced its data. Thread-safe. One instance per relay (the composition root makes it).
 *
 * <p>Layout (Dovecot Maildir++ as on chatmail): INBOX is {@code <root>/<address>/{cur,new,tmp}}, other
 * folders are {@code <root>/<address>/.Name/...} ({@code a/b} is {@code .a.b}); the user directory also
 * holds the account's files ({@code password}, {@code enforceE2EEincoming}, ...), which are never folders.
 */
public final class MaildirStore {
    private static final String REMOVING_PREFIX = ".relaycert-removing-";

    private final Path root;
    private final Clock clock;
    private final Listeners listeners = new Listeners();
    private final ConcurrentHashMap<String, UserMailbox> mailboxes = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();

    public MaildirStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath();
        this.clock = clock;
        try {
            Durable.createDirectories(this.root);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(this.root, REMOVING_PREFIX + "*")) {
                for (Path leftover : leftovers) {
                    Durable.deleteTree(leftover);
                }
            }
            StaleTmpFiles.remove(this.root, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare mail store " + root, e);
        }
    }

    /** The user's mail, created on first use (INBOX always exists). {@code address} is already canonical. */
    public UserMailbox mailbox(String address) throws StoreException {
        UserMailbox mailbox = mailboxes.get(address);
        if (mailbox != null) {
            return mailbox;
        }
        Path dir = checkedDirectory(address);
        synchronized (lifecycle) {
            mailbox = mailboxes.get(address);
            if (mailbox == null) {
                mailbox = new UserMailbox(address, dir, clock, listeners);
                mailboxes.put(address, mailbox);
            }
            return mailbox;
        }
    }

    /** Whether a mail directory exists for this address. */
    public boolean exists(String address) {
        return isSafe(address) && Files.isDirectory(root.resolve(address));
    }

    /** Addresses with a mail directory, for sweeps. */
    public List<String> addresses() throws StoreException {
        List<String> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.contains("@") && isSafe(name) && Files.isDirectory(entry)) {
                    result.add(name);
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot list mail directories", e);
        }
        result.sort(null);
        return result;
    }

    /** The directory of one user (also where the account keeps its password file). */
    public Path userDirectory(String address) {
        if (!isSafe(address)) {
            throw new IllegalArgumentException("not a usable mail address: " + address);
        }
        return root.resolve(address);
    }

    /** Removes a user's whole directory (expiry of inactive users). */
    public void removeUser(String address) throws StoreException {
        Path dir = checkedDirectory(address);
        List<String> folders = new ArrayList<>();
        Path trash = root.resolve(REMOVING_PREFIX + UUID.randomUUID());
        synchronized (lifecycle) {
            UserMailbox mailbox = mailboxes.remove(address);
            if (mailbox != null) {
                folders.addAll(mailbox.close());
            }
            if (!Files.isDirectory(dir)) {
                return;
            }
            try {
                Durable.rename(dir, trash);
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.IO, "cannot remove mail directory", e);
            }
        }
        folders.sort(null);
        folders.forEach(f -> listeners.folderRemoved(address, f));
        try {
            Durable.deleteTree(trash);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "mail directory removed, cleanup incomplete", e);
        }
    }

    /**
     * Deletes files left in any Maildir {@code tmp/} for over 36 hours (deliveries a crash interrupted; nothing there
     * was acknowledged). Runs at start-up and with each expiry sweep; returns how many were deleted.
     */
    public int removeStaleTmpFiles() throws StoreException {
        try {
            return StaleTmpFiles.remove(root, clock.instant());
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot clean Maildir tmp/ directories", e);
        }
    }

    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    private Path checkedDirectory(String address) throws StoreException {
        if (!isSafe(address)) {
            throw new StoreException(StoreException.Kind.INVALID_NAME, "not a usable mail address");
        }
        return root.resolve(address);
    }

    /** One plain path level: no separators, no dot names, no control characters. */
    private static boolean isSafe(String address) {
        if (address == null || address.isEmpty() || address.startsWith(".") || address.length() > 255) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
