package org.relaycert.server.delivery;

/** Where failure notices for an accepted message go: its envelope sender, or {@code ""} for none. */
@FunctionalInterface
public interface ReturnPath {

    /** The return path of {@code message}, accepted with {@code envelope}; {@code ""} is the null sender. */
    String of(Envelope envelope, byte[] message);

    /** The envelope sender as given (MAIL FROM, {@code X-Mail-From}). */
    ReturnPath ENVELOPE = (envelope, message) -> envelope.mailFrom();
}
