package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.tls.TlsContexts;

/** The hardening rules as real-world settings: error pacing (a tarpit) and EXPN, on sockets. */
class SmtpHardeningRulesTest {
    @TempDir
    Path dir;

    @Test
    void errorsPastTheSoftLimitAreAnsweredLate() throws Exception {
        TlsContexts tls = SmtpTestServer.tls(dir);
        Duration sleep = Duration.ofSeconds(1);
        try (SmtpTestServer server = SmtpTestServer.start(SmtpPort.MX, tls,
                c -> c.withRules(c.rules().withErrorPacing(new SmtpRules.ErrorPacing(2, sleep))));
             SmtpTestClient client = SmtpTestClient.connect(server.address())) {
            assertThat(client.reply()).startsWith("220 ");
            long t0 = System.nanoTime();
            assertThat(client.command("XYZZY")).startsWith("500 ");
            long first = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            assertThat(client.command("PLUGH")).startsWith("500 ");
            long second = System.nanoTime() - t1;
            assertThat(Duration.ofNanos(first)).as("first error, under the soft limit").isLessThan(sleep);
            assertThat(Duration.ofNanos(second)).as("second error, at the soft limit").isGreaterThanOrEqualTo(sleep);
            assertThat(client.command("NOOP")).as("no error, no wait").startsWith("250 ");
        }
    }

    @Test
    void expnIsNotImplementedForAnyoneByDefault() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.start(SmtpPort.MX, SmtpTestServer.tls(dir));
             SmtpTestClient client = SmtpTestClient.connect(server.address())) {
            assertThat(client.reply()).startsWith("220 ");
            assertThat(client.command("EXPN " + SmtpTestServer.USER)).isEqualTo("502 5.5.1 Error: command not implemented");
            assertThat(client.command("EXPN nobody@relay.example.org")).isEqualTo("502 5.5.1 Error: command not implemented");
            assertThat(client.command("EXPN")).startsWith("501 ");
        }
    }
}
