package org.relaycert.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three 30 MiB messages submitted at once to a relay with the shipped 128 MiB heap, all stored and fetched back
 * byte-identical; a benchmark rather than a test (about 25 s), off unless asked for:
 * <pre>
 * ./mvnw -B -pl server test -Dtest=LargeMessageBench -Dlarge.bench=true [-Drelaycert.childXmx=48m]
 * </pre>
 * Prints the child's peak heap and the wall time.
 */
@EnabledIfSystemProperty(named = "large.bench", matches = "true")
class LargeMessageBench {
    @TempDir
    Path dir;

    @Test
    void threeThirtyMebibyteMessagesAtOnce() throws Exception {
        LargeMessage big = LargeMessage.ofAbout(LargeMessageTest.MAX_MESSAGE_SIZE - 100_000);
        long start = System.nanoTime();
        try (ChildRelay relay = LargeMessageTest.startShipped(dir)) {
            RawClients.imapLogin(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A).close();
            List<String> expected = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> replies = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    byte[] header = big.header(CrashScenarios.BOB, CrashScenarios.ALICE, "big-" + i);
                    expected.add(big.digest(header));
                    replies.add(clients.submit(() -> big.submit(relay.smtps(), CrashScenarios.BOB, CrashScenarios.PW_B,
                            CrashScenarios.ALICE, header)));
                }
                for (Future<String> reply : replies) {
                    assertThat(reply.get()).as("child output:%n%s", LargeMessageTest.tail(relay)).startsWith("250");
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(LargeMessage.fetchDigests(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(relay.output()).doesNotContain("OutOfMemoryError");
        }
        LargeMessageTest.report("LargeMessageBench", dir);
        System.out.printf("LargeMessageBench: 3 x 30 MiB submitted, stored and fetched in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** IMAP APPEND still holds the literal in memory (the frame, then the command's copy): one at a time here. */
    @Test
    void twoThirtyMebibyteAppendsOneAfterTheOther() throws Exception {
        LargeMessage big = LargeMessage.ofAbout(LargeMessageTest.MAX_MESSAGE_SIZE - 100_000);
        try (ChildRelay relay = LargeMessageTest.startShipped(dir)) {
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                byte[] header = big.header(CrashScenarios.ALICE, CrashScenarios.ALICE, "appended-" + i);
                assertThat(big.append(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A, header))
                        .as("child output:%n%s", LargeMessageTest.tail(relay)).startsWith("b OK");
                expected.add(big.digest(header));
            }
            assertThat(LargeMessage.fetchDigests(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A))
                    .containsExactlyElementsOf(expected);
        }
        LargeMessageTest.report("LargeMessageBench APPEND", dir);
    }
}
