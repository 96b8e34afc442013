package org.relaycert.server.imap;

import java.util.Optional;

/**
 * Backing for IMAP METADATA (RFC 5464), supplied by the push side of the relay (device tokens, the
 * shared Delta Chat entries). Mailbox {@code ""} means server entries. Entry names are as the client
 * wrote them, already checked to start with {@code /private/} or {@code /shared/}.
 */
public interface ImapMetadata {
    /** The value of one entry for this user; empty when it does not exist (answered as NIL). */
    Optional<String> get(String address, String mailbox, String entry);

    /**
     * Sets ({@code value} not null) or removes an entry. Returns false when the entry may not be written
     * by this user (answered {@code NO [PERMISSIONDENIED]}).
     */
    boolean set(String address, String mailbox, String entry, String value);
}
