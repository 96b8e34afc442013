package org.relaycert.server.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the per-recipient outcomes of an accepted message into the reply to the end of DATA, as Postfix in front
 * of LMTP does: the message is taken, and recipients that fail for good afterwards (unknown user, full mailbox)
 * come back to the return path as one DSN. A transient failure of any recipient is answered as such instead: the
 * client retries the message, and a permanent failure bounces on that try, not twice. Failures of mail with the
 * null return path are dropped (RFC 5321 section 6.1: no bounce loops).
 */
final class FailureNotices {
    private static final Logger log = LoggerFactory.getLogger(FailureNotices.class);
    private static final Reply ACCEPTED = Reply.of(250, "2.0.0", "OK");

    private final Optional<Bounces> bounces;

    /** Without a bounce path, the first failure is the reply (the client's MTA bounces, as before queues). */
    FailureNotices(Optional<Bounces> bounces) {
        this.bounces = bounces;
    }

    boolean canBounce() {
        return bounces.isPresent();
    }

    Reply settle(String returnPath, byte[] message, List<MailIntake.Outcome> outcomes) {
        if (bounces.isEmpty()) {
            return MailIntake.summary(outcomes);
        }
        Map<String, Reply> failed = new LinkedHashMap<>();
        for (MailIntake.Outcome o : outcomes) {
            if (o.reply().transientFailure()) {
                return o.reply();
            }
            if (!o.reply().positive()) {
                failed.put(o.recipient(), o.reply());
            }
        }
        if (!failed.isEmpty()) {
            if (returnPath.isEmpty()) {
                log.info("no bounce for {} failed recipient(s) of a message with the null return path", failed.size());
            } else {
                bounces.get().returnToSender(returnPath, message, failed);
            }
        }
        return ACCEPTED;
    }
}
