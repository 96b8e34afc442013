package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTest {
    @TempDir
    Path root;
    MaildirStore store;
    Folder inbox;

    @BeforeEach
    void setUp() throws Exception {
        store = new MaildirStore(root, CLOCK);
        inbox = store.mailbox(ALICE).folder("INBOX");
    }

    @Test
    void appendStoresBytesExactlyAndAssignsUids() throws Exception {
        byte[] first = message("one");
        MessageInfo a = inbox.append(first, Set.of(), NOW);
        MessageInfo b = inbox.append(message("two"), Set.of("\\Seen"), NOW);
        assertThat(a.uid()).isEqualTo(1);
        assertThat(b.uid()).isEqualTo(2);
        assertThat(a.size()).isEqualTo(first.length);
        assertThat(inbox.read(1)).isEqualTo(first).contains((byte) '\r');
        try (InputStream in = inbox.open(2)) {
            assertThat(in.readAllBytes()).isEqualTo(message("two"));
        }
        assertThat(inbox.uidNext()).isEqualTo(3);
        assertThat(inbox.messages()).containsExactly(a, b);
        assertThat(b.flags()).containsExactly("\\Seen");
    }

    @Test
    void unflaggedMailGoesToNewFlaggedToCurWithInfoSuffix() throws Exception {
        inbox.append(message("new"), Set.of(), NOW);
        inbox.append(message("cur"), Set.of("\\Seen", "\\Flagged", "$MDNSent"), NOW);
        Path userDir = store.userDirectory(ALICE);
        try (Stream<Path> n = Files.list(userDir.resolve("new")); Stream<Path> c = Files.list(userDir.resolve("cur"))) {
            assertThat(n.map(p -> p.getFileName().toString())).singleElement().asString().doesNotContain(":");
            assertThat(c.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(":2,FSa")
                    .contains(",S=" + message("cur").length);
        }
        try (Stream<Path> t = Files.list(userDir.resolve("tmp"))) {
            assertThat(t).isEmpty();
        }
    }

    @Test
    void internalDateIsTheFileMtimeInWholeSeconds() throws Exception {
        Instant old = Instant.parse("2026-10-01T08:30:15.750Z");
        MessageInfo info = inbox.append(message("old"), Set.of("\\Seen"), old);
        assertThat(info.internalDate()).isEqualTo(Instant.parse("2026-10-01T08:30:15Z"));
        try (Stream<Path> c = Files.list(store.userDirectory(ALICE).resolve("cur"))) {
            Path file = c.findFirst().orElseThrow();
            assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(info.internalDate());
        }
        // flag changes rename the file and keep the date
        assertThat(inbox.setFlags(info.uid(), Set.of()).internalDate()).isEqualTo(info.internalDate());
    }

    @Test
    void setFlagsReplacesFlagsAndKeywords() throws Exception {
        long uid = inbox.append(message("x"), Set.of(), NOW).uid();
        MessageInfo seen = inbox.setFlags(uid, Set.of("\\Seen", "$MDNSent"));
        assertThat(seen.flags()).containsExactly("\\Seen", "$MDNSent");
        assertThat(inbox.setFlags(uid, Set.of("\\Deleted")).flags()).containsExactly("\\Deleted");
        assertThat(inbox.messages()).singleElement().extracting(MessageInfo::flags)
                .isEqualTo(Set.of("\\Deleted"));
        assertThat(inbox.read(uid)).isEqualTo(message("x"));
        assertThatThrownBy(() -> inbox.setFlags(99, Set.of("\\Seen")))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NONEXISTENT);
    }

    @Test
    void recentIsNeverStored() throws Exception {
        MessageInfo m = inbox.append(message("r"), Set.of("\\Recent", "\\Seen"), NOW);
        assertThat(m.flags()).containsExactly("\\Seen");
    }

    @Test
    void expungeRemovesFilesAndIgnoresUnknownUids() throws Exception {
        for (int i = 0; i < 3; i++) {
            inbox.append(message("m" + i), Set.of(), NOW);
        }
        assertThat(inbox.expunge(List.of(3L, 1L, 42L))).containsExactly(1L, 3L);
        assertThat(inbox.messages()).extracting(MessageInfo::uid).containsExactly(2L);
        assertThatThrownBy(() -> inbox.read(1)).isInstanceOf(StoreException.class);
        assertThat(store.mailbox(ALICE).usedBytes()).isEqualTo(message("m1").length);
        assertThat(inbox.uidNext()).isEqualTo(4);
    }

    @Test
    void copyKeepsFlagsAndDateAndReturnsUidMap() throws Exception {
        Folder target = store.mailbox(ALICE).create("DeltaChat");
        Instant date = Instant.parse("2026-11-01T00:00:00Z");
        inbox.append(message("a"), Set.of(), date);
        inbox.append(message("b"), Set.of("\\Seen", "$MDNSent"), date);
        target.append(message("already"), Set.of(), NOW);
        Map<Long, Long> copied = inbox.copyTo(List.of(2L, 1L, 7L), target);
        assertThat(copied).containsExactly(Map.entry(1L, 2L), Map.entry(2L, 3L));
        MessageInfo copy = target.messages().get(2);
        assertThat(copy.flags()).containsExactly("\\Seen", "$MDNSent");
        assertThat(copy.internalDate()).isEqualTo(date);
        assertThat(target.read(3)).isEqualTo(message("b"));
        assertThat(inbox.messages()).hasSize(2);
    }

    @Test
    void snapshotPicksUpFilesDroppedInAndRemovedByOthers() throws Exception {
        inbox.append(message("ours"), Set.of(), NOW);
        Path userDir = store.userDirectory(ALICE);
        Files.write(userDir.resolve("new").resolve("1764000000.M1P1.other"), message("dropped"));
        Files.write(userDir.resolve("cur").resolve("1764000001.M1P1.other:2,S"), message("seen"));
        List<MessageInfo> now = inbox.messages();
        assertThat(now).extracting(MessageInfo::uid).containsExactly(1L, 2L, 3L);
        assertThat(now.get(2).flags()).containsExactly("\\Seen");
        assertThat(inbox.read(2)).isEqualTo(message("dropped"));
        // an expiry job deletes a file behind our back
        Files.delete(userDir.resolve("new").resolve("1764000000.M1P1.other"));
        assertThat(inbox.messages()).extracting(MessageInfo::uid).containsExactly(1L, 3L);
    }
}
