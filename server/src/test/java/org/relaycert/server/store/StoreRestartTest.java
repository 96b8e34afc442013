package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new {@link MaildirStore} on the same root sees everything the previous one made durable. */
class StoreRestartTest {
    @TempDir
    Path root;

    @Test
    void foldersMessagesFlagsUidsAndDatesSurviveARestart() throws Exception {
        MaildirStore before = new MaildirStore(root, CLOCK);
        UserMailbox mb = before.mailbox(ALICE);
        Folder dc = mb.create("DeltaChat");
        Instant date = Instant.parse("2026-11-20T10:00:00Z");
        MessageInfo a = dc.append(message("a"), Set.of("\\Seen", "$MDNSent"), date);
        MessageInfo b = dc.append(message("b"), Set.of(), NOW);
        MessageInfo bFlagged = dc.setFlags(b.uid(), Set.of("\\Flagged"));
        MessageInfo inboxMsg = mb.folder("INBOX").append(message("i"), Set.of(), NOW);

        Clock later = Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);
        MaildirStore after = new MaildirStore(root, later);
        UserMailbox reopened = after.mailbox(ALICE);
        assertThat(reopened.folderNames()).containsExactly("INBOX", "DeltaChat");
        Folder dc2 = reopened.folder("DeltaChat");
        assertThat(dc2.uidValidity()).isEqualTo(dc.uidValidity());
        assertThat(dc2.uidNext()).isEqualTo(3);
        assertThat(dc2.messages()).containsExactly(a, bFlagged);
        assertThat(dc2.read(a.uid())).isEqualTo(message("a"));
        Folder inbox2 = reopened.folder("inbox");
        assertThat(inbox2.uidValidity()).isEqualTo(mb.folder("INBOX").uidValidity());
        assertThat(inbox2.messages()).containsExactly(inboxMsg);
    }

    @Test
    void uidsNeverGoBackAfterExpungingTheHighestAndRestarting() throws Exception {
        MaildirStore before = new MaildirStore(root, CLOCK);
        Folder inbox = before.mailbox(ALICE).folder("INBOX");
        inbox.append(message("1"), Set.of(), NOW);
        inbox.append(message("2"), Set.of(), NOW);
        inbox.append(message("3"), Set.of(), NOW);
        inbox.expunge(List.of(2L, 3L));

        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.uidNext()).isEqualTo(4);
        assertThat(reopened.append(message("4"), Set.of(), NOW).uid()).isEqualTo(4);
        assertThat(reopened.messages()).extracting(MessageInfo::uid).containsExactly(1L, 4L);
    }

    @Test
    void uidValidityOfARecreatedFolderStaysLargerAcrossRestarts() throws Exception {
        UserMailbox mb = new MaildirStore(root, CLOCK).mailbox(ALICE);
        long first = mb.create("x").uidValidity();
        mb.delete("x");
        UserMailbox restarted = new MaildirStore(root, CLOCK).mailbox(ALICE);
        assertThat(restarted.create("x").uidValidity()).isGreaterThan(first);
    }
}
