package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery costs two fsyncs (the message file, then the directory it was renamed into) and is durable when
 * they return; the uid list is saved without fsync, and losing such a save loses no UID.
 */
class DeliveryDurabilityTest {
    @TempDir
    Path root;

    @Test
    void aDeliveryFsyncsTheFileAndItsDirectoryAndNothingElse() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        inbox.append(message("warm-up"), Set.of(), NOW); // the first one may create directories

        long before = Durable.syncsByThisThread();
        MessageInfo stored = inbox.append(message("counted"), Set.of(), NOW);
        assertThat(Durable.syncsByThisThread() - before).isEqualTo(2);

        assertThat(messageFiles(root)).anySatisfy(p -> assertThat(Files.readAllBytes(p)).isEqualTo(message("counted")));
        assertThat(Durable.syncsByThisThread() - before).as("reading costs no fsync").isEqualTo(2);
        assertThat(stored.uid()).isEqualTo(2);
    }

    @Test
    void uidsSurviveLosingTheUidListSavesMadeWithoutFsync() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        MessageInfo a = inbox.append(message("a"), Set.of(), NOW);
        Path list = uidList(root);
        byte[] afterFirst = Files.readAllBytes(list);
        MessageInfo b = inbox.append(message("b"), Set.of(), NOW);
        MessageInfo c = inbox.append(message("c"), Set.of("\\Seen"), NOW);
        Files.write(list, afterFirst); // a crash brought back the list as it was after the first delivery

        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.uidValidity()).isEqualTo(inbox.uidValidity());
        assertThat(reopened.messages()).containsExactly(a, b, c);
        assertThat(reopened.read(b.uid())).isEqualTo(message("b"));
        assertThat(reopened.read(c.uid())).isEqualTo(message("c"));
        assertThat(reopened.append(message("d"), Set.of(), NOW).uid()).isEqualTo(4);
    }

    @Test
    void anEmptiedUidListStartsOverWithANewUidValidity() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        inbox.append(message("a"), Set.of(), NOW);
        Files.write(uidList(root), new byte[0]); // what delayed allocation can leave after a crash

        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.uidValidity()).isGreaterThan(inbox.uidValidity());
        assertThat(reopened.messages()).hasSize(1);
        assertThat(reopened.read(reopened.messages().get(0).uid())).isEqualTo(message("a"));
    }

    @Test
    void anExpungeMakesTheListDurableFirstSoUidsNeverComeBack() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        inbox.append(message("1"), Set.of(), NOW);
        inbox.append(message("2"), Set.of(), NOW);
        long before = Durable.syncsByThisThread();
        inbox.expunge(List.of(2L));
        assertThat(Durable.syncsByThisThread() - before).as("list made durable before the removal").isGreaterThan(2);

        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.append(message("3"), Set.of(), NOW).uid()).isEqualTo(3);
    }

    @Test
    void aTornAppendOfTheUidListLosesNoUid() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        MessageInfo a = inbox.append(message("a"), Set.of(), NOW);
        MessageInfo b = inbox.append(message("b"), Set.of(), NOW);
        Path list = uidList(root);
        byte[] full = Files.readAllBytes(list);
        // A crash kept the list's last appended line only in part (no line end): it is ignored, the name says the UID.
        Files.write(list, java.util.Arrays.copyOf(full, full.length - 7));

        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.uidValidity()).isEqualTo(inbox.uidValidity());
        assertThat(reopened.messages()).containsExactly(a, b);
        assertThat(reopened.read(b.uid())).isEqualTo(message("b"));
        assertThat(reopened.append(message("c"), Set.of(), NOW).uid()).isEqualTo(3);
    }

    @Test
    void anAppendAddsItsLineToTheListInsteadOfRewritingIt() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        inbox.append(message("a"), Set.of(), NOW);
        byte[] before = Files.readAllBytes(uidList(root));
        inbox.append(message("b"), Set.of(), NOW);
        byte[] after = Files.readAllBytes(uidList(root));
        assertThat(java.util.Arrays.copyOf(after, before.length)).isEqualTo(before);
        assertThat(new String(after, before.length, after.length - before.length, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("2 ").endsWith(",U=2\n");
    }

    @Test
    void aNameSaysItsUid() {
        assertThat(MaildirFileName.uid("1.M2P3Q4.relaycert,S=10,U=7")).hasValue(7);
        assertThat(MaildirFileName.uid("1.M2P3Q4.relaycert,S=10")).isEmpty();
        assertThat(MaildirFileName.uid("1.M2P3Q4.relaycert,S=10,U=x")).isEmpty();
        assertThat(MaildirFileName.uid("1.M2P3Q4.relaycert,S=10,U=0")).isEmpty();
    }

    private static Path uidList(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().equals(UidList.FILE)).findFirst().orElseThrow();
        }
    }

    private static List<Path> messageFiles(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().matches("new|cur")).toList();
        }
    }
}
