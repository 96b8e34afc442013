package org.relaycert.server.delivery;

import java.util.List;

/**
 * Where mail for other domains goes: the federation queue. A relay without one refuses remote
 * recipients at RCPT instead of accepting mail it cannot pass on.
 */
public interface RemoteDelivery {

    /** Whether a recipient of another domain can be taken at all (checked at RCPT). */
    boolean accepts(String recipient);

    /** Queues one copy for each recipient durably; returns one outcome per recipient. */
    List<MailIntake.Outcome> enqueue(Envelope envelope, List<String> recipients, byte[] message);

    /** As above for a spooled message; the default reads it into memory (the queue keeps messages as arrays). */
    default List<MailIntake.Outcome> enqueue(Envelope envelope, List<String> recipients, SpooledMessage message) {
        try {
            return enqueue(envelope, recipients, message.bytes());
        } catch (java.io.IOException e) {
            return recipients.stream()
                    .map(r -> new MailIntake.Outcome(r, Reply.of(451, "4.3.0", "Error: local error in processing")))
                    .toList();
        }
    }

    /** No federation: every remote recipient is refused with a permanent error. */
    RemoteDelivery NONE = new RemoteDelivery() {
        @Override
        public boolean accepts(String recipient) {
            return false;
        }

        @Override
        public List<MailIntake.Outcome> enqueue(Envelope envelope, List<String> recipients, byte[] message) {
            return recipients.stream()
                    .map(r -> new MailIntake.Outcome(r, Reply.of(550, "5.7.1", "No route to remote domains")))
                    .toList();
        }
    };
}
