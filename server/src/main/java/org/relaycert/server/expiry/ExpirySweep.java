package org.relaycert.server.expiry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;
import org.relaycert.server.store.UserMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of chatmail's daily expiry (relay-spec 7.1) over every mail directory, judged by the clock:
 * a user whose password file (mtime = last IMAP login day) is older than the inactive-user retention is
 * removed with all their mail; a user directory without a password file is removed when it holds no mail;
 * (only when the previous sweep found it so too: an account being created right now has such a directory
 * for a moment); in every folder a message older than the mail retention is deleted, and a large one that a client has
 * already seen (in {@code cur/}, i.e. with flags) once older than the large-mail retention. Deleting goes
 * through the store, so IMAP sessions hear EXPUNGE.
 */
public final class ExpirySweep {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    private final MaildirStore store;
    private final Clock clock;
    private final Retention retention;
    private final ExpiryRules rules;
    private final String passwordFile;
    /** Directories the last sweep found without password file and mail. */
    private java.util.Set<String> orphans = java.util.Set.of();

    public ExpirySweep(MaildirStore store, Clock clock, Retention retention, ExpiryRules rules, String passwordFile) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.rules = rules;
        this.passwordFile = passwordFile;
    }

    public synchronized SweepResult sweep() {
        Instant now = clock.instant();
        int users = 0;
        int mails = 0;
        int large = 0;
        List<String> addresses;
        try {
            addresses = store.addresses();
        } catch (StoreException e) {
            log.warn("expiry: cannot list mail directories: {}", e.getMessage());
            return new SweepResult(now, 0, 0, 0);
        }
        java.util.Set<String> seenOrphans = new java.util.HashSet<>();
        for (String address : addresses) {
            try {
                if (orphan(address)) {
                    if (orphans.contains(address)) {
                        store.removeUser(address);
                        users++;
                    } else {
                        seenOrphans.add(address);
                    }
                    continue;
                }
                if (inactive(address, now)) {
                    store.removeUser(address);
                    users++;
                    continue;
                }
                UserMailbox mailbox = store.mailbox(address);
                for (String name : mailbox.folderNames()) {
                    int[] removed = sweepFolder(mailbox.folder(name), now);
                    mails += removed[0];
                    large += removed[1];
                }
            } catch (StoreException | IOException | RuntimeException e) {
                log.warn("expiry: skipping a mail directory: {}", e.toString());
            }
        }
        orphans = seenOrphans;
        try {
            store.removeStaleTmpFiles();
        } catch (StoreException e) {
            log.warn("expiry: {}", e.getMessage());
        }
        SweepResult result = new SweepResult(now, users, mails, large);
        log.info("expiry sweep: {}", result);
        return result;
    }

    /** No login for too long (the password file's mtime is the last IMAP login day). */
    private boolean inactive(String address, Instant now) throws IOException {
        Path pw = store.userDirectory(address).resolve(passwordFile);
        return Files.getLastModifiedTime(pw).toInstant().isBefore(now.minus(retention.inactiveUsers()));
    }

    /** A directory without password file and without mail (a half-created or half-removed account). */
    private boolean orphan(String address) throws StoreException {
        if (Files.exists(store.userDirectory(address).resolve(passwordFile))) {
            return false;
        }
        UserMailbox mailbox = store.mailbox(address);
        for (String name : mailbox.folderNames()) {
            if (!mailbox.folder(name).messages().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private int[] sweepFolder(Folder folder, Instant now) throws StoreException {
        Map<Long, Instant> arrivals = rules.age() == MessageAge.ARRIVAL ? folder.arrivals() : Map.of();
        Instant mailCutoff = now.minus(retention.mails());
        Instant largeCutoff = now.minus(retention.largeMails());
        List<Long> expired = new ArrayList<>();
        int large = 0;
        for (MessageInfo m : folder.messages()) {
            Instant dated = rules.age() == MessageAge.ARRIVAL ? arrivals.getOrDefault(m.uid(), m.internalDate())
                    : m.internalDate();
            if (dated.isBefore(mailCutoff)) {
                expired.add(m.uid());
            } else if (m.size() > retention.largeBytes() && !m.flags().isEmpty() && dated.isBefore(largeCutoff)) {
                expired.add(m.uid());
                large++;
            }
        }
        if (!expired.isEmpty()) {
            folder.expunge(expired);
        }
        return new int[] {expired.size() - large, large};
    }
}
