package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quota count: kept by the store's own appends and expunges, rescanned when old or when others changed files. */
class UsageCounterTest {
    @TempDir
    Path root;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
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

    @Test
    void theCountFollowsTheStoresOwnAppendsAndExpungesWithoutAScan() throws Exception {
        MovableClock clock = new MovableClock();
        UserMailbox box = new MaildirStore(root, clock).mailbox(ALICE);
        Folder inbox = box.folder("INBOX");
        assertThat(box.usedBytes()).isZero();
        MessageInfo a = inbox.append(message("a"), Set.of(), NOW);
        inbox.append(message("bb"), Set.of("\\Seen"), NOW);
        long both = message("a").length + message("bb").length;
        assertThat(box.usedBytesCounted()).isEqualTo(both).isEqualTo(box.usedBytes());
        inbox.expunge(List.of(a.uid()));
        assertThat(box.usedBytesCounted()).isEqualTo(message("bb").length);
    }

    @Test
    void aFileRemovedBehindTheStoresBackCountsUntilTheRescanOrAFolderScan() throws Exception {
        MovableClock clock = new MovableClock();
        UserMailbox box = new MaildirStore(root, clock).mailbox(ALICE);
        Folder inbox = box.folder("INBOX");
        inbox.append(message("a"), Set.of(), NOW);
        assertThat(box.usedBytes()).isEqualTo(message("a").length);
        try (Stream<Path> files = Files.list(root.resolve(ALICE).resolve("new"))) {
            Files.delete(files.findFirst().orElseThrow()); // another program
        }
        assertThat(box.usedBytesCounted()).as("counted, not scanned").isEqualTo(message("a").length);
        assertThat(box.wouldExceed(1, message("a").length)).as("a refusal is confirmed by a scan").isFalse();

        inbox.append(message("b"), Set.of(), NOW);
        try (Stream<Path> files = Files.list(root.resolve(ALICE).resolve("new"))) {
            Files.delete(files.findFirst().orElseThrow());
        }
        clock.now = clock.now.plus(UsageCounter.RESCAN).plus(Duration.ofSeconds(1));
        assertThat(box.usedBytesCounted()).as("rescanned after RESCAN").isZero();

        inbox.append(message("c"), Set.of(), NOW);
        try (Stream<Path> files = Files.list(root.resolve(ALICE).resolve("new"))) {
            Files.delete(files.findFirst().orElseThrow());
        }
        inbox.messages(); // the folder's scan sees the file gone
        assertThat(box.usedBytesCounted()).as("invalidated by the folder scan").isZero();
    }

    @Test
    void aWouldExceedNeedsBothTheCountAndTheScan() throws Exception {
        UserMailbox box = new MaildirStore(root, new MovableClock()).mailbox(ALICE);
        box.folder("INBOX").append(message("a"), Set.of(), NOW);
        long used = message("a").length;
        assertThat(box.wouldExceed(10, used + 10)).isFalse();
        assertThat(box.wouldExceed(11, used + 10)).isTrue();
    }
}
