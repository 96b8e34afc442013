package org.relaycert.server.imap.frame;

/**
 * A line the decoder refused and discarded (line or literal too large). {@code tag} is the first word
 * of the line, or {@code *} if there was none; the session answers it with a tagged BAD.
 */
public record RejectedFrame(String tag, String reason) {
}
