package org.relaycert.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay started with the shipped JVM options ({@code bin/relay.jvm-options}: a 128 MiB heap) takes messages up
 * to chatmail's {@code max_message_size} (30 MiB) on every path: an encrypted message near the limit goes from
 * submission through the mail-path policies to the recipient's Maildir and comes back byte-identical over IMAP
 * FETCH; one for another relay is DKIM-signed into the queue; one from another relay over {@code /mxdeliv} is
 * spooled, checked and its DKIM body hash computed. {@link LargeMessageBench} sends three at once. The child's GC
 * log gives the peak heap in use, printed for the record ({@code -Drelaycert.childXmx=48m} runs it smaller).
 */
class LargeMessageTest {
    static final long MAX_MESSAGE_SIZE = 31_457_280;
    private static final Pattern GC = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(");
    private static final byte[] DKIM_FIELD = ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=remote.test;"
            + " s=dkim; h=from:to; bh=AAAA; b=AAAA\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aThirtyMebibyteMessageTakesEveryPathInTheShippedHeap() throws Exception {
        LargeMessage big = LargeMessage.ofAbout(MAX_MESSAGE_SIZE - 100_000);
        try (ChildRelay relay = startShipped(dir)) {
            RawClients.imapLogin(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A).close();
            byte[] local = big.header(CrashScenarios.BOB, CrashScenarios.ALICE, "big-1");
            assertThat(big.size(local)).isBetween(30_000_000L, MAX_MESSAGE_SIZE);
            assertThat(big.submit(relay.smtps(), CrashScenarios.BOB, CrashScenarios.PW_B, CrashScenarios.ALICE, local))
                    .as("child output:%n%s", tail(relay)).startsWith("250");
            assertThat(LargeMessage.fetchDigests(relay.imaps(), CrashScenarios.ALICE, CrashScenarios.PW_A))
                    .containsExactly(big.digest(local));

            byte[] remote = big.header(CrashScenarios.BOB, CrashScenarios.REMOTE, "big-remote");
            assertThat(big.submit(relay.smtps(), CrashScenarios.BOB, CrashScenarios.PW_B, CrashScenarios.REMOTE, remote))
                    .as("to another relay; child output:%n%s", tail(relay)).startsWith("250");
            try (var queued = Files.list(dir.resolve("data").resolve("queue").resolve("active"))) {
                assertThat(queued.toList()).singleElement() // the message, its DKIM-Signature and the queue's header
                        .satisfies(f -> assertThat(Files.size(f)).isGreaterThan(big.size(remote)));
            }

            // The signature's bh= is wrong on purpose (the child has no DNS for a real key): the DKIM reply shows
            // that the message was spooled, passed the encryption check and had its body hashed.
            byte[] incoming = big.header("carol0001@remote.test", CrashScenarios.ALICE, "big-in");
            byte[] signed = new byte[incoming.length + DKIM_FIELD.length];
            System.arraycopy(DKIM_FIELD, 0, signed, 0, DKIM_FIELD.length);
            System.arraycopy(incoming, 0, signed, DKIM_FIELD.length, incoming.length);
            assertThat(big.postMxdeliv(relay.https(), "carol0001@remote.test", CrashScenarios.ALICE, signed))
                    .as("child output:%n%s", tail(relay))
                    .startsWith("HTTP/1.1 400").endsWith("554 5.7.1 No valid DKIM signature found");
            assertThat(relay.output()).doesNotContain("OutOfMemoryError");
            try (var spool = Files.list(dir.resolve("data").resolve("spool"))) {
                assertThat(spool.toList()).as("spool files left after the replies").isEmpty();
            }
        }
        report("LargeMessageTest", dir);
    }

    /** A child relay with the shipped JVM options and a GC log in {@code dir}. */
    static ChildRelay startShipped(Path dir) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(shippedJvmOptions());
        options.add("-Xlog:gc:file=" + dir.resolve("gc.log"));
        Optional.ofNullable(System.getProperty("relaycert.childXmx")).ifPresent(x -> options.add("-Xmx" + x));
        return ChildRelay.start(dir, Optional.empty(), options);
    }

    /** Prints the largest heap figures of the child's collections. */
    static void report(String what, Path dir) throws IOException {
        Matcher m = GC.matcher(Files.readString(dir.resolve("gc.log")));
        long before = 0;
        long after = 0;
        while (m.find()) {
            before = Math.max(before, Long.parseLong(m.group(1)));
            after = Math.max(after, Long.parseLong(m.group(2)));
        }
        System.out.printf("%s: peak heap in use before a collection %d MiB, after one %d MiB (-Xmx%s)%n", what,
                before, after, System.getProperty("relaycert.childXmx", "128m"));
    }

    /** The options of bin/relay.jvm-options, one a line, without comments. */
    static List<String> shippedJvmOptions() throws IOException {
        Path file = Path.of("..", "bin", "relay.jvm-options");
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static String tail(ChildRelay relay) throws IOException {
        String out = relay.output();
        return out.substring(Math.max(0, out.length() - 4000));
    }
}
