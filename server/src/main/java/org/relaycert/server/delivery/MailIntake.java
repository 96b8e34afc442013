package org.relaycert.server.delivery;

import java.util.List;

/**
 * Everything a protocol front end (SMTP on 25/587/465, HTTPS /mxdeliv) asks of the relay during a mail
 * transaction. Each step either returns or throws {@link RejectedException} carrying the reply to send.
 * Implementations hold no per-connection state: the envelope built so far is passed in.
 */
public interface MailIntake {

    /** MAIL FROM. {@code partial} has origin, client, auth and helo; mailFrom is the candidate. */
    void sender(Envelope partial, long declaredSize) throws RejectedException;

    /** RCPT TO: may this recipient be added to {@code partial}? Returns the normalized recipient. */
    String recipient(Envelope partial, String recipient) throws RejectedException;

    /**
     * End of DATA: every recipient's copy is durable (local mailbox or outbound queue) before this returns.
     * Returns the reply for the whole message, normally {@code 250}.
     */
    Reply message(Envelope envelope, byte[] message) throws RejectedException;

    /**
     * End of DATA for a message as it arrived ({@link Spool}ed): as {@link #message(Envelope, byte[])}.
     * Intakes that can work on streams override this; the default reads the message into memory.
     */
    default Reply message(Envelope envelope, SpooledMessage message) throws RejectedException {
        try {
            return message(envelope, message.bytes());
        } catch (java.io.IOException e) {
            throw new RejectedException(Reply.of(451, "4.3.0", "Error: local error in processing"));
        }
    }

    /** Where front ends put messages while they arrive. */
    default Spool spool() {
        return Spool.temporary();
    }

    /** Per-recipient outcome of one message, for protocols that can report it (LMTP-style). */
    record Outcome(String recipient, Reply reply) {
    }

    /** Convenience for front ends that report a single reply for many recipients. */
    static Reply summary(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::reply).filter(r -> !r.positive()).findFirst()
                .orElse(Reply.of(250, "2.0.0", "OK"));
    }

    /** Whether {@code address} is a mailbox here (for EXPN answers that reveal it); none by default. */
    default boolean knows(String address) {
        return false;
    }
}
