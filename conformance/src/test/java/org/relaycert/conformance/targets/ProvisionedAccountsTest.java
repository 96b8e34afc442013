package org.relaycert.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.conformance.settings.Settings;

class ProvisionedAccountsTest {
    private static final Path FILE = Path.of("accounts.txt");

    @Test
    void readsAccountsSkippingCommentsAndBlankLines() {
        ProvisionedAccounts p = ProvisionedAccounts.parse(FILE, List.of(
                "# made with doveadm", "", "   ", "a@plain.test  secret-1", "\tb@plain.test\tpa#ss   # second",
                "c@plain.test s3 #"));
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.next()).isEqualTo(new Credentials("a@plain.test", "secret-1"));
        assertThat(p.next()).isEqualTo(new Credentials("b@plain.test", "pa#ss"));
        assertThat(p.next()).isEqualTo(new Credentials("c@plain.test", "s3"));
    }

    @Test
    void aBadLineNamesTheFileAndLineNumber() {
        for (String bad : List.of("only-an-address@plain.test", "a@plain.test pass word", "no-at-sign secret", "@plain.test x",
                "user@ x")) {
            assertThatThrownBy(() -> ProvisionedAccounts.parse(FILE, List.of("# header", "ok@plain.test pw", bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("accounts.txt line 3: expected 'address password'");
        }
    }

    @Test
    void eachAccountIsHandedOutOnceAcrossThreadsThenTheErrorNamesFileAndCount() throws Exception {
        List<String> lines = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "u" + i + "@plain.test pw" + i).toList();
        ProvisionedAccounts p = ProvisionedAccounts.parse(FILE, lines);
        Set<Credentials> handed = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 50; i++) {
                pool.submit(() -> handed.add(p.next()));
            }
        }
        assertThat(handed).hasSize(50);
        assertThatThrownBy(p::next).isInstanceOf(IllegalStateException.class)
                .hasMessage("all 50 provisioned accounts of accounts.txt (chatmail.accounts) are used: add more lines");
    }

    /** A relay that neither offers /new nor creates accounts on login: the primary relay hands out the file's. */
    @Test
    void thePrimaryRelayFallsBackToTheFileWhenNoAccountCanBeCreated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("accounts"), "first@plain.test one\nsecond@plain.test two\n");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> settings = Map.of("chatmail.target", "plain.test", "chatmail.host", "127.0.0.1",
                "chatmail.port.https", String.valueOf(closed), "chatmail.port.imaps", String.valueOf(closed),
                "chatmail.accounts", file.toString(), "chatmail.target2", "other.test");
        ExternalTarget t = new ExternalTarget(new Settings(settings));
        assertThat(t.primary().account()).isEqualTo(new Credentials("first@plain.test", "one"));
        assertThat(t.primary().account()).isEqualTo(new Credentials("second@plain.test", "two"));
        assertThatThrownBy(() -> t.primary().account()).hasMessageContaining("all 2 provisioned accounts of " + file);
    }

    /** Once the relay gave no account the chatmail way, the run stops asking it: each refusal costs its delay. */
    @Test
    void afterOneRefusalTheFileIsUsedWithoutAskingTheRelayAgain(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("accounts"), "first@plain.test one\nsecond@plain.test two\n");
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        try (ServerSocket s = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            // the relay: takes every connection and hangs up at once, so /new and the first login both fail
            Thread relay = Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        s.accept().close();
                        connections.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return; // closed at the end of the test
                    }
                }
            });
            Map<String, String> settings = Map.of("chatmail.target", "plain.test", "chatmail.host", "127.0.0.1",
                    "chatmail.port.https", String.valueOf(s.getLocalPort()), "chatmail.port.imaps",
                    String.valueOf(s.getLocalPort()), "chatmail.accounts", file.toString());
            ExternalTarget t = new ExternalTarget(new Settings(settings));
            assertThat(t.primary().account()).isEqualTo(new Credentials("first@plain.test", "one"));
            Thread.sleep(100); // the relay thread counts a connection just after it hung up
            int asked = connections.get();
            assertThat(asked).as("the relay was asked the chatmail way first").isPositive();
            assertThat(t.primary().account()).isEqualTo(new Credentials("second@plain.test", "two"));
            Thread.sleep(100); // a connection made by the second call would have been counted by now
            assertThat(connections.get()).as("connections after the first refusal").isEqualTo(asked);
            s.close();
            relay.join();
        }
    }

    @Test
    void anUnreadableFileIsNamed() {
        Map<String, String> settings = Map.of("chatmail.target", "plain.test", "chatmail.accounts", "/nonexistent/accounts");
        assertThatThrownBy(() -> new ExternalTarget(new Settings(settings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("chatmail.accounts=/nonexistent/accounts: cannot read /nonexistent/accounts");
    }
}
