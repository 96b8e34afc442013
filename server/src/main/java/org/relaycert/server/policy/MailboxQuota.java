package org.relaycert.server.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.relaycert.server.delivery.MailboxKeeper;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;
import org.relaycert.server.store.UserMailbox;

/**
 * {@code max_mailbox_size} kept the way chatmail keeps it (Dovecot quota warning at 75 % running
 * {@code chatmail-quota-expire} with a 70 % target): once a delivery brings a mailbox to 75 % of its
 * quota, INBOX messages are removed oldest first until usage is at most 70 %, stopping at the first
 * message younger than 24 hours (kept so its owner's client still sees it). Usage therefore stays below
 * the 80 % at which Delta Chat warns, and a mailbox does not fill up and refuse delivery.
 */
public final class MailboxQuota implements MailboxKeeper {
    static final int TRIGGER_PERCENT = 75;
    static final int TARGET_PERCENT = 70;
    static final Duration PROTECTED_AGE = Duration.ofHours(24);

    private final long limitBytes;
    private final Clock clock;

    public MailboxQuota(long limitBytes, Clock clock) {
        this.limitBytes = limitBytes;
        this.clock = clock;
    }

    @Override
    public void delivered(UserMailbox mailbox) throws StoreException {
        // The count first (no scan of every message file per delivery); the exact figure only near the trigger.
        if (mailbox.usedBytesCounted() * 100 < limitBytes * TRIGGER_PERCENT) {
            return;
        }
        long used = mailbox.usedBytes();
        if (used * 100 < limitBytes * TRIGGER_PERCENT) {
            return;
        }
        long target = limitBytes * TARGET_PERCENT / 100;
        Instant youngest = clock.instant().minus(PROTECTED_AGE);
        Folder inbox = mailbox.folder("INBOX");
        List<MessageInfo> oldestFirst = new ArrayList<>(inbox.messages());
        oldestFirst.sort(Comparator.comparing(MessageInfo::internalDate).thenComparingLong(MessageInfo::uid));
        List<Long> remove = new ArrayList<>();
        for (MessageInfo m : oldestFirst) {
            if (used <= target || m.internalDate().isAfter(youngest)) {
                break;
            }
            remove.add(m.uid());
            used -= m.size();
        }
        if (!remove.isEmpty()) {
            inbox.expunge(remove);
        }
    }
}
