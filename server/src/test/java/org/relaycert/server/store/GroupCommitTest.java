package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent appends to one folder are committed in groups (one directory fsync for all the renames of a group):
 * every append still gets its own UID, in commit order, its file under a name carrying that UID, and nothing is
 * lost or mixed up, also after the store is opened again.
 */
class GroupCommitTest {
    private static final int THREADS = 8;
    private static final int EACH = 25;

    @TempDir
    Path root;

    @Test
    void concurrentAppendsGetDistinctUidsAndAllSurviveAReopen() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        Map<Long, String> subjectByUid = new ConcurrentHashMap<>();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        String subject = "t" + thread + "-" + i;
                        Set<String> flags = i % 5 == 0 ? Set.of("\\Seen") : Set.of();
                        MessageInfo info = inbox.append(message(subject), flags, NOW);
                        assertThat(subjectByUid.putIfAbsent(info.uid(), subject)).as("UID %d given twice", info.uid()).isNull();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        long n = (long) THREADS * EACH;
        assertThat(subjectByUid.keySet()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(inbox.uidNext()).isEqualTo(n + 1);
        for (Map.Entry<Long, String> e : subjectByUid.entrySet()) {
            assertThat(inbox.read(e.getKey())).isEqualTo(message(e.getValue()));
        }
        try (Stream<Path> tmp = Files.list(root.resolve(ALICE).resolve("tmp"))) {
            assertThat(tmp).as("nothing left in tmp/").isEmpty();
        }

        Folder reopened = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        assertThat(reopened.messages()).hasSize((int) n);
        for (Map.Entry<Long, String> e : subjectByUid.entrySet()) {
            assertThat(reopened.read(e.getKey())).isEqualTo(message(e.getValue()));
        }
        assertThat(reopened.append(message("after"), Set.of(), NOW).uid()).isEqualTo(n + 1);
    }

    @Test
    void eachNameCarriesTheUidItWasCommittedUnder() throws Exception {
        Folder inbox = new MaildirStore(root, CLOCK).mailbox(ALICE).folder("INBOX");
        MessageInfo a = inbox.append(message("a"), Set.of(), NOW);
        MessageInfo b = inbox.append(message("b"), Set.of("\\Seen"), NOW);
        try (Stream<Path> files = Stream.concat(Files.list(root.resolve(ALICE).resolve("new")),
                Files.list(root.resolve(ALICE).resolve("cur")))) {
            assertThat(files.map(p -> MaildirFileName.uid(MaildirFileName.base(p.getFileName().toString())).orElse(-1)))
                    .containsExactlyInAnyOrder(a.uid(), b.uid());
        }
    }
}
