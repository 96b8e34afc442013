package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.tls.TlsContexts;

/** Port 587: STARTTLS with TLS 1.3 only, AUTH only after TLS and required before MAIL. */
class SmtpSubmissionTest {
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
        relay = SmtpTestServer.start(SmtpPort.SUBMISSION, tls);
        client = SmtpTestClient.connect(relay.address());
        assertThat(client.reply()).isEqualTo("220 relay.example.org ESMTP");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        relay.close();
    }

    @Test
    void authIsOfferedOnlyAfterStartTls() throws IOException {
        String before = client.command("EHLO laptop");
        assertThat(before).endsWith("250 STARTTLS").doesNotContain("AUTH");
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD)))
                .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
        client.command("STARTTLS");
        client.startTls();
        assertThat(client.protocol()).isEqualTo("TLSv1.3");
        String after = client.command("EHLO laptop");
        assertThat(after).doesNotContain("STARTTLS").endsWith("250 AUTH PLAIN LOGIN");
    }

    @Test
    void tls12IsRefused() throws IOException {
        client.command("EHLO laptop");
        client.command("STARTTLS");
        assertThatThrownBy(() -> client.startTls("TLSv1.2")).isInstanceOf(IOException.class);
    }

    @Test
    void mailWithoutAuthIsRefused() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("MAIL FROM:<" + SmtpTestServer.USER + ">")).isEqualTo("530 5.7.0 Authentication required");
        assertThat(relay.intake.senders).isEmpty();
    }

    @Test
    void authPlainWithInitialResponseThenSend() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain("Alice@relay.example.org", SmtpTestServer.PASSWORD)))
                .isEqualTo("235 2.7.0 Authentication successful");
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD)))
                .isEqualTo("503 5.5.1 Error: already authenticated");
        client.command("MAIL FROM:<" + SmtpTestServer.USER + ">");
        client.command("RCPT TO:<bob@other.example>");
        client.command("DATA");
        assertThat(client.command("Subject: s\r\n\r\nbody\r\n.")).startsWith("250");
        var envelope = relay.intake.delivered.getFirst().envelope();
        assertThat(envelope.origin()).isEqualTo(Origin.SUBMISSION);
        assertThat(envelope.authenticatedUser()).contains(SmtpTestServer.USER);
        assertThat(relay.intake.senders.getFirst().authenticatedUser()).contains(SmtpTestServer.USER);
    }

    @Test
    void authPlainWithContinuation() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("AUTH PLAIN")).isEqualTo("334 ");
        assertThat(client.command(SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD)))
                .startsWith("235 2.7.0");
    }

    @Test
    void wrongPasswordGets535() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, "wrong")))
                .isEqualTo("535 5.7.8 Error: authentication failed");
        assertThat(client.command("MAIL FROM:<" + SmtpTestServer.USER + ">")).startsWith("530 5.7.0");
    }

    @Test
    void cancelledAndMalformedResponses() throws IOException {
        client.ehloAndStartTls();
        client.command("AUTH PLAIN");
        assertThat(client.command("*")).isEqualTo("501 5.0.0 Authentication aborted");
        assertThat(client.command("AUTH PLAIN !!notbase64!!")).isEqualTo("501 5.5.2 Cannot decode response");
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.b64("no-nul-here"))).startsWith("501 5.5.2");
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.b64("bob@relay.example.org\0" + SmtpTestServer.USER
                + "\0" + SmtpTestServer.PASSWORD))).startsWith("535 5.7.8"); // other authorization identity
        assertThat(client.command("AUTH CRAM-MD5")).isEqualTo("504 5.5.4 Unrecognized authentication type");
        assertThat(client.command("AUTH")).startsWith("501 5.5.4");
        client.command("AUTH LOGIN");
        assertThat(client.command("*")).startsWith("501 5.0.0");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 Ok"); // back to commands
    }

    @Test
    void authLogin() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
        assertThat(client.command(SmtpTestClient.b64(SmtpTestServer.USER))).isEqualTo("334 UGFzc3dvcmQ6");
        assertThat(client.command(SmtpTestClient.b64(SmtpTestServer.PASSWORD))).startsWith("235 2.7.0");
    }

    @Test
    void authLoginWithInitialUsername() throws IOException {
        client.ehloAndStartTls();
        assertThat(client.command("AUTH LOGIN " + SmtpTestClient.b64(SmtpTestServer.USER))).isEqualTo("334 UGFzc3dvcmQ6");
        assertThat(client.command(SmtpTestClient.b64("nope"))).startsWith("535 5.7.8");
    }

    @Test
    void authBeforeEhloAndDuringATransaction() throws IOException {
        client.command("STARTTLS");
        client.startTls();
        assertThat(client.command("AUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD)))
                .isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
    }

    @Test
    void startTlsDropsAnEarlierAuthenticationAttemptState() throws IOException {
        // AUTH pipelined behind STARTTLS in plaintext must never reach the TLS session (RFC 3207 section 5).
        client.command("EHLO laptop");
        client.write("STARTTLS\r\nAUTH PLAIN " + SmtpTestClient.plain(SmtpTestServer.USER, SmtpTestServer.PASSWORD) + "\r\n");
        assertThat(client.reply()).startsWith("220");
        client.startTls();
        client.command("EHLO laptop");
        assertThat(client.command("MAIL FROM:<" + SmtpTestServer.USER + ">")).startsWith("530 5.7.0 Authentication required");
    }
}
