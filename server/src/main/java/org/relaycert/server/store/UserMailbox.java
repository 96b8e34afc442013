package org.relaycert.server.store;

import java.util.List;

/** One user's folders. Folder names use {@code /} as hierarchy separator; {@code INBOX} is case-insensitive. */
public final class UserMailbox {
    // TODO(store): implementation

    public String address() {
        throw new UnsupportedOperationException();
    }

    /** All folder names, INBOX first. */
    public List<String> folderNames() throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** @throws StoreException NONEXISTENT if there is no such folder */
    public Folder folder(String name) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** @throws StoreException ALREADY_EXISTS, INVALID_NAME ({@code ..}, empty parts, control characters) */
    public Folder create(String name) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** @throws StoreException NONEXISTENT; INVALID_NAME for INBOX */
    public void delete(String name) throws StoreException {
        throw new UnsupportedOperationException();
    }

    public void rename(String from, String to) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** Bytes used by all messages in all folders (quota). */
    public long usedBytes() throws StoreException {
        throw new UnsupportedOperationException();
    }
}
