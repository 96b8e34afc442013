package org.relaycert.server.imap.parse;

/** The command line does not match the grammar; the session answers {@code BAD}. */
public final class SyntaxException extends Exception {
    public SyntaxException(String message) {
        super(message);
    }
}
