package org.relaycert.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * All users' mail on disk: {@code <root>/<address>/} holds a Maildir per folder. Durable: a method
 * that returns has fsynced its data. Thread-safe. One instance per relay (the composition root makes it).
 */
public final class MaildirStore {
    // TODO(store): implementation
    public MaildirStore(Path root, Clock clock) {
        throw new UnsupportedOperationException("store not implemented yet");
    }

    /** The user's mail, created on first use (INBOX always exists). {@code address} is already canonical. */
    public UserMailbox mailbox(String address) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** Whether a mail directory exists for this address. */
    public boolean exists(String address) {
        throw new UnsupportedOperationException();
    }

    /** Addresses with a mail directory, for sweeps. */
    public List<String> addresses() throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** The directory of one user (also where the account keeps its password file). */
    public Path userDirectory(String address) {
        throw new UnsupportedOperationException();
    }

    /** Removes a user's whole directory (expiry of inactive users). */
    public void removeUser(String address) throws StoreException {
        throw new UnsupportedOperationException();
    }

    public void addListener(StoreListener listener) {
        throw new UnsupportedOperationException();
    }
}
