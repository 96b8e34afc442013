package org.relaycert.server.store;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Maildir folder. UIDs are assigned in arrival order and never reused; UIDVALIDITY is fixed at
 * creation and survives restarts. Every mutating method is durable on return and fires the
 * matching {@link StoreListener} event afterwards.
 */
public final class Folder {
    // TODO(store): implementation

    public String name() {
        throw new UnsupportedOperationException();
    }

    public long uidValidity() {
        throw new UnsupportedOperationException();
    }

    /** The UID the next appended message will get. */
    public long uidNext() {
        throw new UnsupportedOperationException();
    }

    /** A consistent snapshot of the folder, ascending by UID. */
    public List<MessageInfo> messages() throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** Stores a message (tmp, fsync, rename into new/cur), mtime = internalDate; returns it with its UID. */
    public MessageInfo append(byte[] content, Set<String> flags, Instant internalDate) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** The raw RFC 5322 bytes as stored (CRLF line ends). */
    public byte[] read(long uid) throws StoreException {
        throw new UnsupportedOperationException();
    }

    public InputStream open(long uid) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** Replaces the flags of one message; returns the updated info. */
    public MessageInfo setFlags(long uid, Set<String> flags) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** Removes the given messages (unknown UIDs ignored); returns the UIDs removed, ascending. */
    public List<Long> expunge(Collection<Long> uids) throws StoreException {
        throw new UnsupportedOperationException();
    }

    /** Copies messages into {@code target} keeping flags and internal date; returns source UID -> new UID. */
    public Map<Long, Long> copyTo(Collection<Long> uids, Folder target) throws StoreException {
        throw new UnsupportedOperationException();
    }
}
