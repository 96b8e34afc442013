package org.relaycert.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A one-connection server on loopback: writes {@code script}, returns what the client sent until it closed. */
    private static CompletableFuture<String> serve(ServerSocket server, String script) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                s.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                s.getInputStream().transferTo(got);
                return got.toString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void smtpRepliesAreValuesAndTheMessageIsDotStuffed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<String> sent = serve(server, "220 hi\r\n250-x.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10\r\n"
                    + "250 ok\r\n250 ok\r\n354 go\r\n250 queued\r\n");
            Peer peer = Peer.of(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
            try (SmtpSession s = SmtpSession.open(peer, null)) {
                assertThat(s.greeting().code()).isEqualTo(220);
                SmtpReply ehlo = s.ehlo("client.test");
                assertThat(ehlo.advertises("auth")).isTrue();
                assertThat(ehlo.parameters("AUTH")).containsExactly("PLAIN", "LOGIN");
                assertThat(s.sendMail("a@x.test", List.of("b@x.test"), ".top\nline".getBytes(StandardCharsets.UTF_8)).code())
                        .isEqualTo(250);
                assertThat(s.transcript().lines()).contains("C: EHLO client.test", "S: 250 queued");
            }
            assertThat(sent.get()).endsWith("DATA\r\n..top\r\nline\r\n.\r\n");
        }
    }

    @Test
    void imapLiteralsAreFoldedIntoTheirLineAndCredentialsMasked() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            serve(server, "* OK hi\r\na1 OK logged in\r\n* 1 FETCH (BODY[] {5}\r\nabcde)\r\na2 OK done\r\n");
            Peer peer = Peer.of(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
            try (ImapSession s = ImapSession.open(peer, null)) {
                assertThat(s.greeting()).isEqualTo("* OK hi");
                assertThat(s.login("u", "secret").ok()).isTrue();
                ImapResponse fetch = s.command("FETCH 1 BODY[]");
                assertThat(fetch.untagged()).containsExactly("* 1 FETCH (BODY[] {5}\r\nabcde)");
                assertThat(String.join("\n", s.transcript().lines())).doesNotContain("secret");
            }
        }
    }

    @Test
    void aDiscardingTranscriptKeepsNothing() {
        Transcript t = Transcript.discarding();
        t.note("x");
        assertThat(t.lines()).isEmpty();
    }

    @Test
    void trustAllGivesAFreshContextEachTime() {
        assertThat(TrustAll.context()).isNotSameAs(TrustAll.context());
    }
}
