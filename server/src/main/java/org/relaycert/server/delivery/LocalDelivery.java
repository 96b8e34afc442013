package org.relaycert.server.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.StoreException;
import org.relaycert.server.store.UserMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one message into the INBOX of each local recipient. A recipient's copy is durable (fsynced and
 * renamed into the Maildir) before its outcome is reported, so a 250 never precedes the disk.
 */
public final class LocalDelivery {
    private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);

    private final MaildirStore store;
    private final Clock clock;
    private final long quotaBytes;
    private final MailboxKeeper keeper;

    /** {@code quotaBytes}: max_mailbox_size; a copy that would go beyond it is refused (Dovecot grace 0). */
    public LocalDelivery(MaildirStore store, Clock clock, long quotaBytes) {
        this(store, clock, quotaBytes, MailboxKeeper.NONE);
    }

    /** As above; {@code keeper} runs after each copy is stored (quota trimming). */
    public LocalDelivery(MaildirStore store, Clock clock, long quotaBytes, MailboxKeeper keeper) {
        this.store = store;
        this.clock = clock;
        this.quotaBytes = quotaBytes;
        this.keeper = keeper;
    }

    /** One outcome per recipient, in order; a failed copy is a 451 for that recipient only. */
    public List<MailIntake.Outcome> deliver(List<String> recipients, byte[] message) {
        return deliver(recipients, SpooledMessage.of(message));
    }

    /** As above, each copy streamed from {@code message}. */
    public List<MailIntake.Outcome> deliver(List<String> recipients, SpooledMessage message) {
        List<MailIntake.Outcome> outcomes = new ArrayList<>(recipients.size());
        for (String rcpt : recipients) {
            outcomes.add(new MailIntake.Outcome(rcpt, deliverOne(rcpt, message)));
        }
        return outcomes;
    }

    private Reply deliverOne(String recipient, SpooledMessage message) {
        try {
            UserMailbox mailbox = store.mailbox(recipient);
            if (mailbox.wouldExceed(message.size(), quotaBytes)) {
                log.info("local delivery refused: mailbox full");
                return Reply.of(552, "5.2.2", "Quota exceeded (mailbox for user is full)");
            }
            mailbox.folder("INBOX").append(message::open, message.size(), Set.of(), clock.instant());
            try {
                keeper.delivered(mailbox);
            } catch (StoreException e) {
                log.warn("after delivery: {}", e.getMessage()); // the copy is stored; trimming retries next time
            }
            return Reply.of(250, "2.0.0", "OK");
        } catch (StoreException e) {
            log.warn("local delivery failed: {}", e.getMessage());
            return e.kind() == StoreException.Kind.OVER_QUOTA
                    ? Reply.of(552, "5.2.2", "Quota exceeded (mailbox for user is full)")
                    : Reply.of(451, "4.3.0", "Local delivery failed, try again later");
        }
    }
}
