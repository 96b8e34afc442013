package org.relaycert.server.imap.frame;

/**
 * A line the decoder refused and discarded (line, literal or whole command too large). {@code tag} is the first
 * word of the line, or {@code *} if there was none; the session answers {@code tag response reason}: a tagged BAD
 * for a malformed frame, {@code NO [TOOBIG]} for a command over the size the server takes (RFC 7889 section 4,
 * RFC 4469 section 5).
 */
public record RejectedFrame(String tag, String response, String reason) {
    public static final String BAD = "BAD";
    public static final String TOO_BIG = "NO [TOOBIG]";

    /** A frame answered with a tagged BAD. */
    public RejectedFrame(String tag, String reason) {
        this(tag, BAD, reason);
    }
}
