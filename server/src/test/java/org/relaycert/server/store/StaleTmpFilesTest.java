package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a crash left in a Maildir {@code tmp/} are deleted once older than 36 hours (the Maildir convention), at
 * start-up and on demand (the expiry sweep), judged by the store's clock; younger ones and stored mail stay.
 */
class StaleTmpFilesTest {
    @TempDir
    Path root;
    private final MovedClock clock = new MovedClock();

    /** The store's clock, moved by the test. */
    private static final class MovedClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A file as an interrupted delivery leaves it: named when it started, mtime = the message's date. */
    private static Path leftover(Path folderDir, Instant started, Instant mtime) throws Exception {
        Path file = folderDir.resolve("tmp").resolve(MaildirFileName.newBase(started, 42, 7));
        Files.write(file, message("interrupted"));
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return file;
    }

    @Test
    void leftoversGoAfter36HoursAndNothingElseDoes() throws Exception {
        MaildirStore store = new MaildirStore(root, clock);
        UserMailbox mailbox = store.mailbox(ALICE);
        mailbox.folder("INBOX").append(message("kept"), Set.of(), null);
        mailbox.create("Archive");
        Path inboxDir = store.userDirectory(ALICE);
        Path archiveDir = inboxDir.resolve(".Archive");
        Path inInbox = leftover(inboxDir, NOW, NOW);
        // An APPEND with an old INTERNALDATE: the mtime is years back, the name says when it started.
        Path oldDate = leftover(archiveDir, NOW, Instant.parse("2020-01-01T00:00:00Z"));
        Path foreign = Files.writeString(inboxDir.resolve("tmp").resolve("written-by-another-tool"), "x");
        Files.setLastModifiedTime(foreign, FileTime.from(NOW.minus(Duration.ofHours(2))));

        clock.now = NOW.plus(Duration.ofHours(33));
        assertThat(store.removeStaleTmpFiles()).as("at 33 h (the foreign file is 35 h old)").isZero();
        assertThat(inInbox).exists();
        assertThat(oldDate).as("judged by its name, not by its INTERNALDATE mtime").exists();
        assertThat(foreign).exists();

        clock.now = NOW.plus(Duration.ofHours(35));
        assertThat(store.removeStaleTmpFiles()).as("at 35 h only the foreign file (37 h by mtime) goes").isEqualTo(1);
        assertThat(foreign).doesNotExist();

        clock.now = NOW.plus(Duration.ofHours(36)).plusSeconds(1);
        assertThat(store.removeStaleTmpFiles()).isEqualTo(2);
        assertThat(inInbox).doesNotExist();
        assertThat(oldDate).doesNotExist();
        assertThat(mailbox.folder("INBOX").messages()).as("stored mail is not touched").hasSize(1);
        assertThat(inboxDir.resolve("tmp")).as("tmp/ itself stays").isDirectory();
    }

    @Test
    void aStartingStoreCleansUp() throws Exception {
        MaildirStore first = new MaildirStore(root, clock);
        first.mailbox(ALICE).folder("INBOX").append(message("kept"), Set.of(), null);
        Path fresh = leftover(first.userDirectory(ALICE), NOW.plus(Duration.ofHours(30)), NOW);
        Path stale = leftover(first.userDirectory(ALICE), NOW, NOW);

        clock.now = NOW.plus(Duration.ofHours(40));
        MaildirStore restarted = new MaildirStore(root, clock);
        assertThat(stale).doesNotExist();
        assertThat(fresh).as("10 hours old").exists();
        assertThat(restarted.mailbox(ALICE).folder("INBOX").messages()).hasSize(1);
    }
}
