package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserMailboxTest {
    @TempDir
    Path root;
    MaildirStore store;
    UserMailbox mailbox;

    @BeforeEach
    void setUp() throws Exception {
        store = new MaildirStore(root, CLOCK);
        mailbox = store.mailbox(ALICE);
    }

    @Test
    void inboxAlwaysExistsAndIsCaseInsensitive() throws Exception {
        assertThat(mailbox.folderNames()).containsExactly("INBOX");
        assertThat(mailbox.folder("inbox")).isSameAs(mailbox.folder("INBOX"));
        assertThat(mailbox.folder("Inbox").name()).isEqualTo("INBOX");
        assertKind(() -> mailbox.create("inbox"), StoreException.Kind.ALREADY_EXISTS);
        assertKind(() -> mailbox.delete("INBOX"), StoreException.Kind.INVALID_NAME);
    }

    @Test
    void accountFilesInTheUserDirectoryAreNotFolders() throws Exception {
        Path dir = store.userDirectory(ALICE);
        Files.writeString(dir.resolve("password"), "$6$hash\n");
        Files.write(dir.resolve("enforceE2EEincoming"), new byte[0]);
        Files.writeString(dir.resolve("metadata.json"), "{}");
        Files.createDirectories(dir.resolve(".notmaildir"));
        Files.createDirectories(dir.resolve(".INBOX").resolve("cur"));
        Files.createDirectories(dir.resolve(".INBOX").resolve("new"));
        mailbox.create("DeltaChat");
        assertThat(mailbox.folderNames()).containsExactly("INBOX", "DeltaChat");
        assertThat(mailbox.usedBytes()).isZero();
        assertThat(dir.resolve(".DeltaChat").resolve("cur")).isDirectory();
    }

    @Test
    void createListsFoldersWithHierarchyAndRefusesBadOrDuplicateNames() throws Exception {
        mailbox.create("work/projects/relay");
        mailbox.create("DeltaChat");
        assertThat(mailbox.folderNames())
                .containsExactly("INBOX", "DeltaChat", "work", "work/projects", "work/projects/relay");
        assertKind(() -> mailbox.create("DeltaChat"), StoreException.Kind.ALREADY_EXISTS);
        for (String bad : new String[] {"..", "a/../b", "", "a//b", "x/", "ctl\u0007", "nul\u0000"}) {
            assertKind(() -> mailbox.create(bad), StoreException.Kind.INVALID_NAME);
        }
        assertKind(() -> mailbox.folder("missing"), StoreException.Kind.NONEXISTENT);
        assertKind(() -> mailbox.folder("../etc"), StoreException.Kind.NONEXISTENT);
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void deleteRemovesTheFolderAndItsMessages() throws Exception {
        Folder dc = mailbox.create("DeltaChat");
        dc.append(message("x"), Set.of(), NOW);
        mailbox.delete("DeltaChat");
        assertThat(mailbox.folderNames()).containsExactly("INBOX");
        assertThat(mailbox.usedBytes()).isZero();
        assertKind(dc::messages, StoreException.Kind.NONEXISTENT);
        assertKind(() -> dc.append(message("late"), Set.of(), NOW), StoreException.Kind.NONEXISTENT);
        assertKind(() -> mailbox.delete("DeltaChat"), StoreException.Kind.NONEXISTENT);
        try (var entries = Files.list(store.userDirectory(ALICE))) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("deleting"));
        }
    }

    @Test
    void recreatedFolderGetsALargerUidValidityEvenInTheSameSecond() throws Exception {
        long first = mailbox.create("DeltaChat").uidValidity();
        mailbox.delete("DeltaChat");
        Folder again = mailbox.create("DeltaChat");
        assertThat(again.uidValidity()).isGreaterThan(first);
        assertThat(again.uidNext()).isEqualTo(1);
        assertThat(mailbox.folder("INBOX").uidValidity()).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void renameMovesInferiorFoldersKeepingUidsAndUidValidity() throws Exception {
        Folder a = mailbox.create("a");
        Folder ab = mailbox.create("a/b");
        a.append(message("in a"), Set.of("\\Seen"), NOW);
        ab.append(message("in a/b"), Set.of(), NOW);
        long validity = a.uidValidity();
        mailbox.rename("a", "x/y");
        assertThat(mailbox.folderNames()).containsExactly("INBOX", "x", "x/y", "x/y/b");
        Folder moved = mailbox.folder("x/y");
        assertThat(moved.uidValidity()).isEqualTo(validity);
        assertThat(moved.messages()).singleElement().extracting(MessageInfo::uid).isEqualTo(1L);
        assertThat(mailbox.folder("x/y/b").read(1)).isEqualTo(message("in a/b"));
        assertKind(a::messages, StoreException.Kind.NONEXISTENT);
        assertKind(() -> mailbox.rename("a", "z"), StoreException.Kind.NONEXISTENT);
        assertKind(() -> mailbox.rename("x", "x/y"), StoreException.Kind.ALREADY_EXISTS);
        assertKind(() -> mailbox.rename("x", "x/new"), StoreException.Kind.INVALID_NAME);
        assertKind(() -> mailbox.rename("x", "INBOX"), StoreException.Kind.ALREADY_EXISTS);
    }

    @Test
    void renamingInboxMovesItsMessagesAndLeavesItEmpty() throws Exception {
        Folder inbox = mailbox.folder("INBOX");
        inbox.append(message("one"), Set.of("\\Seen"), NOW);
        inbox.append(message("two"), Set.of(), NOW);
        mailbox.rename("inbox", "Old");
        assertThat(inbox.messages()).isEmpty();
        assertThat(inbox.uidNext()).isEqualTo(3);
        assertThat(mailbox.folder("Old").messages()).extracting(MessageInfo::flags)
                .containsExactly(Set.of("\\Seen"), Set.of());
    }

    @Test
    void usedBytesCountsAllFolders() throws Exception {
        mailbox.folder("INBOX").append(message("a"), Set.of(), NOW);
        mailbox.create("DeltaChat").append(message("bb"), Set.of("\\Seen"), NOW);
        assertThat(mailbox.usedBytes()).isEqualTo(message("a").length + message("bb").length);
    }

    static void assertKind(ThrowingCallable call, StoreException.Kind kind) {
        assertThatThrownBy(call).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(kind);
    }
}
