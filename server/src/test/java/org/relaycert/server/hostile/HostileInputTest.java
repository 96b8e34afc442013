package org.relaycert.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.RawConnection;
import org.relaycert.server.Service;

/**
 * Bad input on a whole relay: each gets a protocol error, and the connection stays usable or closes
 * cleanly. (Framing details have their own tests in the smtp and imap packages.)
 */
class HostileInputTest {
    private HostileRelay r;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        r = new HostileRelay(dir);
    }

    @AfterEach
    void stop() {
        r.close();
    }

    private static byte[] bytes(String ascii, int... raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
        for (int x : raw) {
            b.write(x);
        }
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    @Test
    void smtpAnswersNonUtf8AndBinaryGarbageWithErrorsAndStaysUsable() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.SMTP))) {
            assertThat(c.line()).startsWith("220 ");
            c.sendBytes(bytes("", 0xff, 0xfe, 0xc3, 0x28));
            assertThat(c.line()).startsWith("5");
            c.sendBytes(bytes("EHLO ", 0x00, 0x01, 0x80));
            assertThat(c.line()).startsWith("5");
            c.send("NOOP\r\n");
            assertThat(c.line()).startsWith("250 ");
        }
    }

    @Test
    void smtpPipelinedGarbageIsAnsweredLineByLineOrEndsWith421() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.SMTP))) {
            assertThat(c.line()).startsWith("220 ");
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                burst.append("XYZZY").append(i).append(" \u00e9\t!@#\r\n");
            }
            burst.append("X".repeat(5000)).append("\r\n");
            c.send(burst.toString());
            List<String> replies = new ArrayList<>();
            boolean reset = false;
            try {
                String l;
                while ((l = c.line()) != null && replies.size() < 41) {
                    replies.add(l);
                }
            } catch (java.net.SocketException e) {
                // The relay closes after 421 with our garbage still unread: the kernel answers with a reset, which
                // may discard replies in flight. A closed connection is an accepted end; a wrong reply is not.
                reset = true;
            }
            assertThat(replies).allSatisfy(x -> assertThat(x).matches("(5\\d\\d|421) .*"));
            if (!reset) {
                assertThat(replies).isNotEmpty();
            }
        }
    }

    @Test
    void smtpHalfClosedClientStillGetsItsAnswerThenTheConnectionCloses() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.SMTP))) {
            assertThat(c.line()).startsWith("220 ");
            c.send("EHLO half.test\r\n");
            c.socket.shutdownOutput();
            assertThat(c.lineStartingWith("250 ")).isNotNull();
            assertThat(c.line()).as("closed after the client's end of input").isNull();
        }
    }

    @Test
    void imapAnswersNonUtf8WithBadAndStaysUsable() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.IMAP))) {
            assertThat(c.line()).startsWith("* OK");
            c.sendBytes(bytes("a1 ", 0xff, 0xfe, 0x80));
            assertThat(c.line()).matches("(a1|\\*) BAD .*");
            c.sendBytes(bytes("a2 LOGIN ", 0xc3, 0x28, 0x20, 0x00));
            assertThat(c.line()).matches("(a2|\\*) (BAD|NO) .*");
            c.send("a3 NOOP\r\n");
            assertThat(c.lineStartingWith("a3 ")).startsWith("a3 OK");
        }
    }

    @Test
    void imapLyingLiteralEndsCleanlyWhenTheClientGivesUp() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.IMAP))) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a1 ID {1000}\r\n");
            assertThat(c.line()).startsWith("+ ");
            c.send("only ten b");
            c.socket.shutdownOutput();
            assertThat(c.line()).as("the server closes, not waits for the missing octets").isNull();
        }
    }

    @Test
    void imapHugeLiteralIsRefusedAtOnceAndTheConnectionStaysUsable() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.IMAP))) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a1 APPEND INBOX {99999999999999}\r\n");
            assertThat(c.line()).matches("(a1|\\*) (BAD|NO) .*");
            c.send("a2 APPEND INBOX {999999999999999999999999999}\r\n");
            assertThat(c.line()).matches("(a2|\\*) (BAD|NO) .*");
            c.send("a3 NOOP\r\n");
            assertThat(c.lineStartingWith("a3 ")).startsWith("a3 OK");
        }
    }

    @Test
    void userNamesWithPathTricksCreateNothingAndLogInNowhere() throws Exception {
        assertThat(login("existing1@" + HostileRelay.DOMAIN, "right-password")).startsWith("a OK");
        List<String> tricks = List.of("../../../etc@" + HostileRelay.DOMAIN, "..@" + HostileRelay.DOMAIN,
                "a/b/c/d/e@" + HostileRelay.DOMAIN, "existing1@" + HostileRelay.DOMAIN + "/..",
                "EXISTING1@" + HostileRelay.DOMAIN.toUpperCase(), "exist\0ng1@" + HostileRelay.DOMAIN,
                "existing1@../" + HostileRelay.DOMAIN, "..%2f..%2fx1@" + HostileRelay.DOMAIN);
        // Each on its own connection, all at once: a failed login is answered late on purpose (error pacing),
        // and the tricks are independent, so the test waits for the slowest rather than for their sum.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tricks.size());
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (String name : tricks) {
                answers.add(pool.submit(() -> login(name, "another-password")));
            }
            for (int i = 0; i < tricks.size(); i++) {
                assertThat(answers.get(i).get()).as(tricks.get(i)).startsWith("a NO");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(login("existing1@" + HostileRelay.DOMAIN, "right-password")).startsWith("a OK");
        try (Stream<Path> all = Files.walk(r.dataDir)) {
            assertThat(all.map(p -> r.dataDir.relativize(p).toString()))
                    .noneMatch(p -> p.contains("etc") || p.contains("..") || p.contains("%") || p.contains("\0"));
        }
        try (Stream<Path> outside = Files.list(r.dataDir.getParent())) {
            assertThat(outside.map(p -> p.getFileName().toString())).doesNotContain("etc@" + HostileRelay.DOMAIN);
        }
    }

    /** LOGIN with the name as a literal, so NUL and slashes reach the server unquoted. */
    private String login(String user, String password) throws Exception {
        try (RawConnection c = RawConnection.tls(r.relay.address(Service.IMAPS), r.trust)) {
            assertThat(c.line()).startsWith("* OK");
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            c.send("a LOGIN {" + name.length + "+}\r\n");
            c.sendBytes(name);
            c.send(" " + password + "\r\n");
            return c.lineStartingWith("a ");
        }
    }

    @Test
    void hostileHttpRequestsGetClientErrors() throws Exception {
        String host = "Host: " + HostileRelay.DOMAIN + "\r\nConnection: close\r\n";
        assertThat(r.http("DELETE /new HTTP/1.1\r\n" + host + "\r\n")).startsWith("HTTP/1.1 405 ");
        assertThat(r.http("GET /mxdeliv HTTP/1.1\r\n" + host + "\r\n")).startsWith("HTTP/1.1 405 ");
        assertThat(r.http("POST /new HTTP/1.1\r\n" + host + "Content-Length: 999999999999\r\n\r\n")).startsWith("HTTP/1.1 4");
        assertThat(r.http("POST /new HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"email\":"))
                .as("a broken JSON body is ignored, /new takes no input").startsWith("HTTP/1.1 200 ");
        assertThat(r.http("POST /mxdeliv HTTP/1.1\r\n" + host + "Content-Length: 5\r\n\r\nhello"))
                .as("no recipients").startsWith("HTTP/1.1 400 ");
        for (String to : List.of("../../x@" + HostileRelay.DOMAIN, "a\u0001b@" + HostileRelay.DOMAIN, "<>", "@@@")) {
            assertThat(r.http("POST /mxdeliv HTTP/1.1\r\n" + host + "X-Mail-From: a@b.test\r\nX-Mail-To: " + to
                    + "\r\nContent-Length: 5\r\n\r\nhello")).as(to).startsWith("HTTP/1.1 400 ");
        }
        assertThat(r.http("GARBAGE\u00ff\u00fe / HTTP/9.9\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(r.http("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n")).startsWith("HTTP/1.1 4");
    }
}
