package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.tls.TlsContexts;

/** Port 25: STARTTLS mandatory (TLS 1.2 allowed), no AUTH, every verb, ordering and syntax errors. */
class SmtpMxPortTest {
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
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        relay.close();
    }

    @Test
    void greetsAndAdvertisesStartTlsButNeverAuth() throws IOException {
        assertThat(client.reply()).isEqualTo("220 relay.example.org ESMTP");
        String ehlo = client.command("EHLO peer.example");
        assertThat(ehlo.split("\n")).containsExactly("250-relay.example.org", "250-SIZE 10000", "250-PIPELINING",
                "250-8BITMIME", "250-ENHANCEDSTATUSCODES", "250 STARTTLS");
        client.command("STARTTLS");
        client.startTls();
        String afterTls = client.command("EHLO peer.example");
        assertThat(afterTls).doesNotContain("STARTTLS").doesNotContain("AUTH").endsWith("250 ENHANCEDSTATUSCODES");
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD)))
                .startsWith("503 5.5.1");
    }

    @Test
    void mailCommandsBeforeStartTlsAreRefused() throws IOException {
        client.reply();
        client.command("EHLO peer.example");
        assertThat(client.command("MAIL FROM:<bob@other.example>")).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("530 5.7.0");
        assertThat(client.command("DATA")).startsWith("530 5.7.0");
        assertThat(client.command("VRFY alice")).startsWith("530 5.7.0");
        assertThat(relay.intake.senders).isEmpty();
    }

    @Test
    void tls12IsAcceptedOnPort25() throws IOException {
        client.reply();
        client.ehloAndStartTls("TLSv1.2");
        assertThat(client.protocol()).isEqualTo("TLSv1.2");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 Ok");
    }

    @Test
    void deliversAnyRecipientWithEnvelopeFacts() throws IOException {
        client.reply();
        client.ehloAndStartTls();
        assertThat(client.command("MAIL FROM:<bob@other.example> SIZE=120 BODY=8BITMIME")).isEqualTo("250 2.1.0 Ok");
        assertThat(client.command("RCPT TO:<Alice@Relay.Example.org>")).isEqualTo("250 2.1.5 Ok");
        assertThat(client.command("DATA")).startsWith("354");
        assertThat(client.command("Subject: hi\r\n\r\nhello\r\n.")).isEqualTo("250 2.0.0 OK");
        assertThat(relay.intake.declaredSizes).containsExactly(120L);
        RecordingIntake.Delivered d = relay.intake.delivered.getFirst();
        assertThat(d.text()).isEqualTo("Subject: hi\r\n\r\nhello\r\n");
        assertThat(d.envelope().origin()).isEqualTo(Origin.MX);
        assertThat(d.envelope().tls()).isTrue();
        assertThat(d.envelope().heloName()).isEqualTo("client.example");
        assertThat(d.envelope().authenticatedUser()).isEmpty();
        assertThat(d.envelope().mailFrom()).isEqualTo("bob@other.example");
        assertThat(d.envelope().recipients()).containsExactly("alice@relay.example.org");
        assertThat(relay.intake.calledOnVirtualThread).hasSize(2).containsOnly(true); // never on the event loop
    }

    @Test
    void simpleVerbs() throws IOException {
        client.reply();
        assertThat(client.command("HELO peer.example")).isEqualTo("250 relay.example.org");
        assertThat(client.command("NOOP anything")).isEqualTo("250 2.0.0 Ok");
        assertThat(client.command("RSET")).isEqualTo("250 2.0.0 Ok");
        assertThat(client.command("HELP")).startsWith("214 2.0.0");
        assertThat(client.command("EXPN staff")).isEqualTo("502 5.5.1 Error: command not implemented");
        assertThat(client.command("FROB")).isEqualTo("500 5.5.1 Error: command not recognized");
        assertThat(client.command("HELO")).startsWith("501 5.5.4");
        assertThat(client.command("STARTTLS now")).startsWith("501 5.5.4");
        assertThat(client.command("QUIT")).isEqualTo("221 2.0.0 Bye");
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void vrfyRevealsNothing() throws IOException {
        client.reply();
        client.ehloAndStartTls();
        assertThat(client.command("VRFY alice@relay.example.org")).isEqualTo("252 2.0.0 alice@relay.example.org");
        assertThat(client.command("VRFY nobody-at-all")).isEqualTo("252 2.0.0 nobody-at-all");
        assertThat(client.command("VRFY")).startsWith("501 5.5.4");
    }

    @Test
    void commandsOutOfOrderGet503() throws IOException {
        client.reply();
        client.send("STARTTLS");
        client.reply();
        client.startTls();
        assertThat(client.command("MAIL FROM:<bob@other.example>")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
        client.command("EHLO peer.example");
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).isEqualTo("503 5.5.1 Error: need MAIL command");
        assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: need RCPT command");
        client.command("MAIL FROM:<bob@other.example>");
        assertThat(client.command("MAIL FROM:<bob@other.example>")).isEqualTo("503 5.5.1 Error: nested MAIL command");
        assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: no valid recipients");
        assertThat(client.command("STARTTLS")).startsWith("554 5.5.1");
        assertThat(client.command("RSET")).isEqualTo("250 2.0.0 Ok");
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("503 5.5.1");
    }

    @Test
    void badSyntaxGets501Or555() throws IOException {
        client.reply();
        client.ehloAndStartTls();
        assertThat(client.command("MAIL FROM:bob@other.example")).startsWith("250"); // bare path accepted
        client.command("RSET");
        assertThat(client.command("MAIL TO:<bob@other.example>")).isEqualTo("501 5.1.7 Bad sender address syntax");
        assertThat(client.command("MAIL FROM:<bob@other.example")).startsWith("501 5.1.7");
        assertThat(client.command("MAIL FROM:<bob smith@other.example>")).startsWith("501 5.1.7");
        assertThat(client.command("MAIL FROM:<bob@other.example> SIZE=big")).isEqualTo("501 5.5.4 Bad SIZE parameter");
        assertThat(client.command("MAIL FROM:<bob@other.example> BODY=BINARYMIME")).startsWith("501 5.5.4");
        assertThat(client.command("MAIL FROM:<bob@other.example> SMTPUTF8")).startsWith("555 5.5.4");
        assertThat(client.command("MAIL FROM:<>")).isEqualTo("250 2.1.0 Ok");
        assertThat(client.command("RCPT TO:<>")).isEqualTo("501 5.1.3 Bad recipient address syntax");
        assertThat(client.command("RCPT TO:alice@")).startsWith("501 5.1.3");
        assertThat(client.command("RCPT <alice@relay.example.org>")).startsWith("501 5.1.3");
        assertThat(client.command("RCPT TO:<alice@relay.example.org> NOTIFY=NEVER")).startsWith("555 5.5.4");
        assertThat(client.command("RCPT TO:<@hop.example:alice@relay.example.org>")).isEqualTo("250 2.1.5 Ok");
        assertThat(client.command("DATA now")).startsWith("501 5.5.4");
    }

    @Test
    void intakeRefusalsAreSentAsTheyAre() throws IOException {
        client.reply();
        client.ehloAndStartTls();
        assertThat(client.command("MAIL FROM:<blocked@spam.example>")).isEqualTo("550 5.7.1 Sender blocked");
        client.command("MAIL FROM:<bob@other.example>");
        assertThat(client.command("RCPT TO:<refused@relay.example.org>")).isEqualTo("550 5.1.1 No such user");
        assertThat(client.command("DATA")).startsWith("503"); // the refused recipient was not added
        client.command("RCPT TO:<alice@relay.example.org>");
        client.command("DATA");
        assertThat(client.command("X-Refuse: yes\r\n\r\nplain\r\n."))
                .isEqualTo("523 Encryption Needed: Invalid Unencrypted Mail");
        assertThat(relay.intake.delivered).isEmpty();
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("503 5.5.1"); // transaction over
    }

    @Test
    void idleConnectionGets421AndIsClosed() throws Exception {
        client.close();
        relay.close();
        relay = SmtpTestServer.start(SmtpPort.MX, tls, c -> new SmtpServerConfig(c.port(), c.bind(), c.hostname(),
                c.tls(), c.maxLineLength(), c.maxRecipients(), c.maxMessageSize(), Duration.ofMillis(300)));
        client = SmtpTestClient.connect(relay.address());
        client.reply();
        assertThat(client.reply()).isEqualTo("421 4.4.2 relay.example.org Error: timeout exceeded");
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void tooManyErrorsEndTheConnection() throws IOException {
        client.reply();
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < SmtpSession.MAX_ERRORS; i++) {
            junk.append("BOGUS ").append(i).append("\r\n");
        }
        client.write(junk.toString());
        for (int i = 0; i < SmtpSession.MAX_ERRORS; i++) {
            assertThat(client.reply()).startsWith("500 5.5.1");
        }
        assertThat(client.reply()).isEqualTo("421 4.7.0 relay.example.org Error: too many errors");
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void unexpectedIntakeFailureIsATemporaryErrorAndTheSessionGoesOn() throws IOException {
        client.reply();
        client.ehloAndStartTls();
        client.command("MAIL FROM:<bob@other.example>");
        assertThat(client.command("RCPT TO:<crash@relay.example.org>")).isEqualTo("451 4.3.0 Error: local error in processing");
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("250 2.1.5");
    }

    @Test
    void ehloInsideATransactionStartsOver() throws IOException {
        client.reply();
        client.ehloAndStartTls();
        client.command("MAIL FROM:<bob@other.example>");
        client.command("EHLO again.example");
        assertThat(client.command("RCPT TO:<alice@relay.example.org>")).startsWith("503 5.5.1 Error: need MAIL");
    }

    @Test
    void closingTheServerClosesOpenConnections() throws IOException {
        client.reply();
        relay.server.close();
        assertThat(client.closedByServer()).isTrue();
    }
}
