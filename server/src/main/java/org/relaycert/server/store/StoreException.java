package org.relaycert.server.store;

/** A store operation that cannot be done; the message is fit for an IMAP {@code NO} response. */
public class StoreException extends Exception {
    public enum Kind { NONEXISTENT, ALREADY_EXISTS, INVALID_NAME, OVER_QUOTA, IO }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
