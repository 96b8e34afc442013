package org.relaycert.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay started with the shipped JVM options ({@code bin/relay.jvm-options}: a 128 MiB heap) takes messages up
 * to chatmail's {@code max_message_size} (30 MiB): an encrypted message near the limit goes from submission
 * through the mail-path policies to the recipient's Maildir and comes back byte-identical over IMAP FETCH, three
 * of them at once too. The child's GC log gives the peak heap in use, printed for the record.
 */
class LargeMessageTest {
    static final long MAX_MESSAGE_SIZE = 31_457_280;
    private static final Pattern GC_BEFORE = Pattern.compile("\\) (\\d+)M->\\d+M\\(");

    @TempDir
    Path dir;

    @Test
    void threeMessagesOfThirtyMebibytesPassEndToEndInTheShippedHeap() throws Exception {
        LargeMessage big = LargeMessage.ofAbout(MAX_MESSAGE_SIZE - 100_000);
        Path gcLog = dir.resolve("gc.log");
        List<String> options = new ArrayList<>(shippedJvmOptions());
        options.add("-Xlog:gc:file=" + gcLog);
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty(), options)) {
            RawClients.imapLogin(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A).close();
            List<String> expected = new ArrayList<>();
            byte[] first = big.header(CrashScenarios.BOB, CrashScenarios.ALICE, "big-1");
            assertThat(big.size(first)).isBetween(30_000_000L, MAX_MESSAGE_SIZE);
            assertThat(big.submit(relay.smtps(), CrashScenarios.BOB, CrashScenarios.PW_B, CrashScenarios.ALICE, first))
                    .as("one message; child output:%n%s", tail(relay)).startsWith("250");
            expected.add(big.digest(first));

            ExecutorService clients = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> replies = new ArrayList<>();
                for (int i = 2; i <= 4; i++) {
                    byte[] header = big.header(CrashScenarios.BOB, CrashScenarios.ALICE, "big-" + i);
                    expected.add(big.digest(header));
                    replies.add(clients.submit(() -> big.submit(relay.smtps(), CrashScenarios.BOB, CrashScenarios.PW_B,
                            CrashScenarios.ALICE, header)));
                }
                for (Future<String> reply : replies) {
                    assertThat(reply.get()).as("concurrent; child output:%n%s", tail(relay)).startsWith("250");
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(LargeMessage.fetchDigests(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(relay.output()).doesNotContain("OutOfMemoryError");
        }
        System.out.printf("LargeMessageTest: peak heap in use before a collection: %d MiB (-Xmx128m)%n", peakHeap(gcLog));
    }

    /** The options of bin/relay.jvm-options, one a line, without comments. */
    static List<String> shippedJvmOptions() throws IOException {
        Path file = Path.of("..", "bin", "relay.jvm-options");
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The largest "used before" figure of the GC log, in MiB. */
    static long peakHeap(Path gcLog) throws IOException {
        Matcher m = GC_BEFORE.matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    private static String tail(ChildRelay relay) throws IOException {
        String out = relay.output();
        return out.substring(Math.max(0, out.length() - 4000));
    }
}
