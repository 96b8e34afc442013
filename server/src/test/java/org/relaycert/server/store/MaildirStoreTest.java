package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirStoreTest {
    static final String BOB = "bob123456@chat.example.org";

    @TempDir
    Path root;

    @Test
    void usersAreDirectoriesNamedByAddress() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        assertThat(store.exists(ALICE)).isFalse();
        assertThat(store.userDirectory(ALICE)).isEqualTo(root.toAbsolutePath().resolve(ALICE));
        store.mailbox(ALICE);
        store.mailbox(BOB);
        Files.createDirectories(root.resolve("not-a-user"));
        assertThat(store.exists(ALICE)).isTrue();
        assertThat(store.addresses()).containsExactly(ALICE, BOB);
        assertThat(store.mailbox(ALICE)).isSameAs(store.mailbox(ALICE));
        assertThat(store.mailbox(ALICE).address()).isEqualTo(ALICE);
        assertThatThrownBy(() -> store.userDirectory("../x@y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.mailbox("..")).isInstanceOf(StoreException.class);
    }

    @Test
    void removeUserDeletesTheWholeTreeAndInvalidatesOpenFolders() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        Folder inbox = store.mailbox(ALICE).folder("INBOX");
        inbox.append(message("x"), Set.of(), NOW);
        Files.writeString(store.userDirectory(ALICE).resolve("password"), "hash");
        store.mailbox(BOB);
        store.removeUser(ALICE);
        assertThat(store.exists(ALICE)).isFalse();
        assertThat(store.addresses()).containsExactly(BOB);
        try (var entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(BOB);
        }
        assertThatThrownBy(() -> inbox.append(message("late"), Set.of(), NOW)).isInstanceOf(StoreException.class);
        // the address can start afresh
        assertThat(store.mailbox(ALICE).folder("INBOX").messages()).isEmpty();
        store.removeUser("nobody12@chat.example.org"); // absent: nothing to do
    }

    @Test
    void concurrentAppendsGetDistinctIncreasingUids() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        Folder inbox = store.mailbox(ALICE).folder("INBOX");
        int threads = 8;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Callable<List<Long>> task = () -> {
                    start.await();
                    List<Long> uids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        uids.add(inbox.append(message(id + "-" + i), Set.of(), NOW).uid());
                    }
                    return uids;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                List<Long> mine = f.get();
                assertThat(mine).isSorted();
                all.addAll(mine);
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(all).allMatch(uid -> uid >= 1 && uid <= threads * perThread);
        } finally {
            pool.shutdownNow();
        }
        assertThat(inbox.uidNext()).isEqualTo(threads * perThread + 1);
        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.messages()).hasSize(threads * perThread);
        for (MessageInfo m : reopened.messages()) {
            assertThat(reopened.read(m.uid())).isEqualTo(inbox.read(m.uid()));
        }
    }
}
