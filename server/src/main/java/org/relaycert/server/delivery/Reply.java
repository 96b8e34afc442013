package org.relaycert.server.delivery;

/**
 * An SMTP reply as a value: code, optional enhanced status (RFC 3463) and text.
 * {@code /mxdeliv} answers with the same values, so policies speak one language on both paths.
 */
public record Reply(int code, String enhanced, String text) {

    public static Reply of(int code, String enhanced, String text) {
        return new Reply(code, enhanced, text);
    }

    /** A reply without enhanced status, for texts chatmail sends verbatim (e.g. {@code 523 Encryption Needed: ...}). */
    public static Reply plain(int code, String text) {
        return new Reply(code, null, text);
    }

    public boolean positive() {
        return code < 400;
    }

    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    /** The single-line form: {@code 250 2.0.0 OK}. */
    public String line() {
        return code + " " + (enhanced == null ? "" : enhanced + " ") + text;
    }

    @Override
    public String toString() {
        return line();
    }
}
