package org.relaycert.server.store;

import java.time.Instant;
import java.util.Set;

/**
 * One stored message as IMAP sees it. {@code flags} holds system flags in IMAP spelling
 * ({@code \Seen}, {@code \Answered}, {@code \Flagged}, {@code \Deleted}, {@code \Draft}) and keywords
 * ({@code $MDNSent}); never {@code \Recent}. {@code internalDate} is the file's mtime, as on Dovecot.
 */
public record MessageInfo(long uid, Set<String> flags, Instant internalDate, long size) {
}
