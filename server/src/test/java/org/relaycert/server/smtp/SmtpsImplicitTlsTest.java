package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.tls.TlsContexts;

/** Port 465: TLS from the first byte, TLS 1.3 only, no STARTTLS, AUTH required. */
class SmtpsImplicitTlsTest {
    @TempDir
    static Path dir;
    static SmtpTestServer relay;

    @BeforeAll
    static void start() throws Exception {
        TlsContexts tls = SmtpTestServer.tls(dir);
        relay = SmtpTestServer.start(SmtpPort.SUBMISSIONS, tls);
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void greetsOverTlsAndAcceptsAuthenticatedMail() throws IOException {
        try (SmtpTestClient client = SmtpTestClient.connectTls(relay.address())) {
            assertThat(client.protocol()).isEqualTo("TLSv1.3");
            assertThat(client.reply()).isEqualTo("220 relay.example.org ESMTP");
            String ehlo = client.command("EHLO laptop");
            assertThat(ehlo).doesNotContain("STARTTLS").endsWith("250 AUTH PLAIN LOGIN");
            assertThat(client.command("STARTTLS")).startsWith("554 5.5.1");
            assertThat(client.command("MAIL FROM:<" + SmtpTestServer.USER + ">")).startsWith("530 5.7.0 Authentication required");
            assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD)))
                    .startsWith("235");
            assertThat(client.command("MAIL FROM:<" + SmtpTestServer.USER + ">")).startsWith("250");
            assertThat(client.command("RCPT TO:<bob@other.example>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            assertThat(client.command("Subject: over 465\r\n\r\nhi\r\n.")).startsWith("250");
            assertThat(relay.intake.delivered).anySatisfy(d -> assertThat(d.text()).startsWith("Subject: over 465"));
        }
    }

    @Test
    void tls12IsRefused() {
        assertThatThrownBy(() -> SmtpTestClient.connectTls(relay.address(), "TLSv1.2")).isInstanceOf(IOException.class);
    }

    @Test
    void plaintextClientGetsNoGreeting() throws IOException {
        try (SmtpTestClient client = SmtpTestClient.connect(relay.address())) {
            client.send("EHLO laptop");
            String answer = client.reply(); // at most a TLS alert, never an SMTP reply
            assertThat(answer == null || !answer.matches("(?s)^[2-5][0-9][0-9].*")).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
    }
}
