package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.tls.TlsContexts;

/** Line and DATA framing: limits, dot-stuffing, pipelining, the STARTTLS injection attack, smuggling. */
class SmtpFramingTest {
    @TempDir
    static Path dir;
    static TlsContexts tls;

    SmtpTestServer relay;
    SmtpTestClient client;

    @BeforeAll
    static void certificate() throws Exception {
        tls = SmtpTestServer.tls(dir);
    }

    @BeforeEach
    void start() throws Exception {
        relay = SmtpTestServer.start(SmtpPort.MX, tls);
        client = SmtpTestClient.connect(relay.address());
        client.reply();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        relay.close();
    }

    private void transaction() throws IOException {
        client.ehloAndStartTls();
        client.command("MAIL FROM:<bob@other.example>");
        client.command("RCPT TO:<alice@relay.example.org>");
        assertThat(client.command("DATA")).startsWith("354");
    }

    @Test
    void dotStuffedLinesArriveUnstuffedAndBytesUntouched() throws IOException {
        transaction();
        // On the wire every line starting with "." carries one more dot (RFC 5321 4.5.2).
        client.write("Subject: dots \u00e9\r\n\r\n..hidden\r\n...\r\n..\r\nend.\r\n\r\n.\r\n");
        assertThat(client.reply()).isEqualTo("250 2.0.0 OK");
        assertThat(relay.intake.delivered.getFirst().text())
                .isEqualTo("Subject: dots \u00e9\r\n\r\n.hidden\r\n..\r\n.\r\nend.\r\n\r\n");
    }

    @Test
    void messageOfExactlyTheLimitIsAcceptedOneMoreOctetIsNot() throws IOException {
        transaction();
        String body = "x".repeat((int) SmtpTestServer.MAX_SIZE - 2) + "\r\n";
        client.write(body + ".\r\n");
        assertThat(client.reply()).isEqualTo("250 2.0.0 OK");
        assertThat(relay.intake.delivered.getFirst().message()).hasSize((int) SmtpTestServer.MAX_SIZE);

        client.command("MAIL FROM:<bob@other.example>");
        client.command("RCPT TO:<alice@relay.example.org>");
        client.command("DATA");
        client.write("y" + body + ".\r\n");
        assertThat(client.reply()).isEqualTo("552 5.3.4 Error: message file too big");
        assertThat(relay.intake.delivered).hasSize(1);
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 Ok"); // the session goes on
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("503"); // transaction over
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedAtMail() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("MAIL FROM:<bob@other.example> SIZE=" + (SmtpTestServer.MAX_SIZE + 1)))
                .isEqualTo("552 5.3.4 Message size exceeds fixed limit");
        assertThat(client.command("MAIL FROM:<bob@other.example> SIZE=99999999999999999999")).startsWith("552 5.3.4");
        assertThat(client.command("MAIL FROM:<bob@other.example> SIZE=" + SmtpTestServer.MAX_SIZE)).startsWith("250");
        assertThat(relay.intake.senders).hasSize(1);
    }

    @Test
    void recipientLimitGives452AndKeepsTheFirstOnes() throws IOException {
        client.ehloAndStartTls();
        StringBuilder batch = new StringBuilder("MAIL FROM:<bob@other.example>\r\n");
        for (int i = 0; i <= 100; i++) {
            batch.append("RCPT TO:<user").append(i).append("@relay.example.org>\r\n");
        }
        client.write(batch.toString());
        assertThat(client.reply()).startsWith("250 2.1.0");
        for (int i = 0; i < 100; i++) {
            assertThat(client.reply()).isEqualTo("250 2.1.5 Ok");
        }
        assertThat(client.reply()).isEqualTo("452 4.5.3 Error: too many recipients");
        client.command("DATA");
        assertThat(client.command("Subject: many\r\n\r\nhi\r\n.")).startsWith("250");
        assertThat(relay.intake.delivered.getFirst().envelope().recipients()).hasSize(100)
                .startsWith("user0@relay.example.org").endsWith("user99@relay.example.org");
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws IOException {
        client.ehloAndStartTls();
        client.write("NOOP\r\nMAIL FROM:<bob@other.example>\r\nHELP\r\nRCPT TO:<refused@relay.example.org>\r\n"
                + "RCPT TO:<Carol@relay.example.org>\r\nVRFY x\r\nDATA\r\n");
        assertThat(client.reply()).startsWith("250 2.0.0");
        assertThat(client.reply()).startsWith("250 2.1.0");
        assertThat(client.reply()).startsWith("214");
        assertThat(client.reply()).startsWith("550 5.1.1");
        assertThat(client.reply()).startsWith("250 2.1.5");
        assertThat(client.reply()).startsWith("252");
        assertThat(client.reply()).startsWith("354");
        client.write("Subject: p\r\n\r\nbody\r\n.\r\nMAIL FROM:<dave@other.example>\r\nRCPT TO:<alice@relay.example.org>\r\n"
                + "DATA\r\n");
        assertThat(client.reply()).isEqualTo("250 2.0.0 OK");
        assertThat(client.reply()).startsWith("250 2.1.0");
        assertThat(client.reply()).startsWith("250 2.1.5");
        assertThat(client.reply()).startsWith("354");
        client.write("Subject: q\r\n\r\nsecond\r\n.\r\nQUIT\r\n");
        assertThat(client.reply()).isEqualTo("250 2.0.0 OK");
        assertThat(client.reply()).startsWith("221");
        assertThat(relay.intake.delivered).hasSize(2);
        assertThat(relay.intake.delivered.get(0).envelope().recipients()).containsExactly("carol@relay.example.org");
        assertThat(relay.intake.delivered.get(1).text()).isEqualTo("Subject: q\r\n\r\nsecond\r\n");
    }

    @Test
    void commandLinesOverTheLimitGet500AndTheSessionContinues() throws IOException {
        String fits = "NOOP " + "x".repeat(512 - 5 - 2); // 512 octets with CRLF
        assertThat(client.command(fits)).isEqualTo("250 2.0.0 Ok");
        assertThat(client.command(fits + "y")).isEqualTo("500 5.5.2 Error: line too long");
        assertThat(client.command("NOOP " + "z".repeat(5000))).isEqualTo("500 5.5.2 Error: line too long");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 Ok");
    }

    @Test
    void textLinesInsideDataAreNotLimitedByTheCommandLimit() throws IOException {
        transaction();
        String longLine = "a".repeat(3000);
        client.write("Subject: long\r\n\r\n" + longLine + "\r\n.\r\n");
        assertThat(client.reply()).isEqualTo("250 2.0.0 OK");
        assertThat(relay.intake.delivered.getFirst().text()).endsWith(longLine + "\r\n");
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() throws IOException {
        client.command("EHLO peer.example");
        client.write("STARTTLS\r\nMAIL FROM:<injected@evil.example>\r\nRCPT TO:<alice@relay.example.org>\r\n");
        assertThat(client.reply()).startsWith("220 2.0.0");
        client.startTls();
        assertThat(client.command("EHLO peer.example")).startsWith("250-relay.example.org");
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("503 5.5.1"); // no MAIL survived
        assertThat(relay.intake.senders).isEmpty();
    }

    @Test
    void startTlsForgetsTheGreeting() throws IOException {
        client.command("EHLO peer.example");
        client.command("STARTTLS");
        client.startTls();
        assertThat(client.command("MAIL FROM:<bob@other.example>")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
    }

    @Test
    void bareLfDotDoesNotEndTheMessage() throws IOException {
        transaction();
        client.write("Subject: s\r\n\r\nhello\n.\nMAIL FROM:<smuggled@evil.example>\r\n.\r\n");
        assertThat(client.reply()).isEqualTo("250 2.0.0 OK");
        assertThat(relay.intake.delivered).hasSize(1);
        assertThat(relay.intake.delivered.getFirst().text())
                .isEqualTo("Subject: s\r\n\r\nhello\r\n\r\nMAIL FROM:<smuggled@evil.example>\r\n");
        assertThat(relay.intake.senders).hasSize(1);
    }
}
