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
