package org.relaycert.server.delivery;

/**
 * One rule of the relay's mail path (encryption enforcement, sender alignment, rate limit, DKIM, header
 * cleanup, ...). The intake asks every policy in order at each step; a policy refuses by throwing
 * {@link RejectedException} with the reply to send, and may rewrite the message at the end of DATA.
 * Policies look at {@link Envelope#origin()} to apply only where chatmail applies them.
 */
public interface MailPolicy {

    /** MAIL FROM, with the declared SIZE (0 when none). */
    default void sender(Envelope partial, long declaredSize) throws RejectedException {
    }

    /** RCPT TO, after the recipient was normalised; {@code partial} holds the recipients accepted so far. */
    default void recipient(Envelope partial, String recipient) throws RejectedException {
    }

    /**
     * Whether the relay drops {@code recipient}'s copy of an accepted message without a word (a policy service's
     * DISCARD action, Postfix access(5) {@code DISCARD}): the client got its 250, nobody gets the mail. The
     * reference relay discards nothing; broken relays do.
     */
    default boolean discards(Envelope envelope, String recipient) {
        return false;
    }

    /**
     * The copy that goes into local mailboxes, after every policy passed the message: chatmail rewrites
     * only that copy on its way to Dovecot (Postfix {@code lmtp_header_checks}), not what it relays on.
     */
    default SpooledMessage localCopy(Envelope envelope, SpooledMessage message) {
        return message;
    }

    /** End of DATA: refuse, or return the message to pass on (the same bytes, or rewritten ones). */
    default byte[] message(Envelope envelope, byte[] message) throws RejectedException {
        return message;
    }

    /**
     * End of DATA on a message as it arrived: refuse, or return the message to pass on. The relay calls this
     * one. Policies that stream (or only read the header) override it; the default reads the message into
     * memory for {@link #message(Envelope, byte[])}, which costs a copy of it.
     */
    default SpooledMessage message(Envelope envelope, SpooledMessage message) throws RejectedException {
        byte[] raw;
        try {
            raw = message.bytes();
        } catch (java.io.IOException e) {
            throw new RejectedException(Reply.of(451, "4.3.0", "Error: local error in processing"));
        }
        byte[] passed = message(envelope, raw);
        return passed == raw ? message : SpooledMessage.of(passed);
    }
}
