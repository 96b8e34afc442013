package org.relaycert.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.RawConnection;
import org.relaycert.server.Service;

/**
 * Clients that stop sending half-way (half-closed connections, RFC 9293 section 3.6) and message bytes that are not
 * UTF-8, on a whole relay: what was answered stays answered, what was cut off is neither stored nor acknowledged, the
 * relay closes its side, and 8-bit message content is stored byte for byte.
 */
class HalfClosedConnectionTest {
    private static final String ALICE = "alice1234@" + HostileRelay.DOMAIN;
    private static final String BOB = "bob123456@" + HostileRelay.DOMAIN;
    private static final String PASSWORD = "a-long-enough-password";
    private HostileRelay r;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        r = new HostileRelay(dir);
        for (String user : new String[] {ALICE, BOB}) {
            try (RawConnection c = RawConnection.tls(r.relay.address(Service.IMAPS), r.trust)) {
                c.line();
                c.send("a LOGIN " + user + " " + PASSWORD + "\r\n");
                assertThat(c.lineStartingWith("a ")).startsWith("a OK");
            }
        }
    }

    @AfterEach
    void stop() {
        r.close();
    }

    /** The relay ended the connection: end of stream, or a reset once it closed with our bytes unread. */
    private static boolean ended(RawConnection c) throws IOException {
        try {
            return c.line() == null;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Message files of a user (new/ and cur/ of every folder). */
    private long stored(String user) throws IOException {
        Path home = r.dataDir.resolve("mailboxes").resolve(user);
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String dir = p.getParent().getFileName().toString();
                return dir.equals("new") || dir.equals("cur");
            }).count();
        }
    }

    private RawConnection submission() throws IOException {
        RawConnection c = RawConnection.tls(r.relay.address(Service.SMTPS), r.trust);
        assertThat(c.line()).startsWith("220 ");
        c.send("EHLO half.test\r\n");
        assertThat(c.lineStartingWith("250 ")).isNotNull();
        String plain = Base64.getEncoder().encodeToString(("\0" + ALICE + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        c.send("AUTH PLAIN " + plain + "\r\n");
        assertThat(c.line()).startsWith("235 ");
        c.send("MAIL FROM:<" + ALICE + ">\r\n");
        assertThat(c.line()).startsWith("250 ");
        c.send("RCPT TO:<" + BOB + ">\r\n");
        assertThat(c.line()).startsWith("250 ");
        return c;
    }

    @Test
    void imapHalfClosedClientGetsAnswersToWhatItSentThenTheConnectionCloses() throws Exception {
        try (RawConnection c = RawConnection.open(r.relay.address(Service.IMAP))) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a1 NOOP\r\na2 CAPABILITY\r\n");
            c.socket.shutdownOutput();
            assertThat(c.lineStartingWith("a1 ")).startsWith("a1 OK");
            assertThat(c.lineStartingWith("a2 ")).startsWith("a2 OK");
            assertThat(ended(c)).as("closed after the client's end of input").isTrue();
        }
    }

    @Test
    void smtpDataCutOffByAHalfCloseIsNeitherStoredNorAcknowledged() throws Exception {
        try (RawConnection c = submission()) {
            c.send("DATA\r\n");
            assertThat(c.line()).startsWith("354 ");
            c.send("From: <" + ALICE + ">\r\nTo: <" + BOB + ">\r\nSubject: cut\r\n\r\nfirst half of the body\r\n");
            c.socket.shutdownOutput();
            String next = null;
            try {
                next = c.line();
            } catch (SocketException reset) {
                // closed with nothing more to say
            }
            assertThat(next).as("no 250 for a message that never ended").satisfiesAnyOf(
                    l -> assertThat(l).isNull(), l -> assertThat(l).doesNotStartWith("250"));
        }
        assertThat(stored(BOB)).isZero();
    }

    @Test
    void imapAppendCutOffByAHalfCloseStoresNothing() throws Exception {
        try (RawConnection c = RawConnection.tls(r.relay.address(Service.IMAPS), r.trust)) {
            c.line();
            c.send("a LOGIN " + BOB + " " + PASSWORD + "\r\n");
            assertThat(c.lineStartingWith("a ")).startsWith("a OK");
            c.send("b APPEND INBOX {200}\r\n");
            assertThat(c.line()).startsWith("+ ");
            c.send("Subject: cut\r\n\r\nonly part of the promised 200 octets\r\n");
            c.socket.shutdownOutput();
            String next = null;
            try {
                next = c.lineStartingWith("b ");
            } catch (SocketException reset) {
                // closed with nothing more to say
            }
            assertThat(next).as("no OK for an APPEND whose literal never ended").satisfiesAnyOf(
                    l -> assertThat(l).isNull(), l -> assertThat(l).doesNotStartWith("b OK"));
        }
        assertThat(stored(BOB)).isZero();
    }

    /** A whole transaction pipelined and then half-closed (as {@code printf ... | nc -N} sends it). */
    @Test
    void smtpWholeMessageThenHalfCloseIsAnsweredAndStoredOnce() throws Exception {
        try (RawConnection c = submission()) {
            c.send("DATA\r\n");
            assertThat(c.line()).startsWith("354 ");
            c.send("From: <" + ALICE + ">\r\nTo: <" + BOB + ">\r\nSubject: whole\r\n\r\nall of it\r\n.\r\nQUIT\r\n");
            c.socket.shutdownOutput();
            assertThat(c.line()).as("the message's answer").startsWith("250 ");
            assertThat(c.line()).as("QUIT's answer").startsWith("221 ");
            assertThat(ended(c)).isTrue();
        }
        org.awaitility.Awaitility.await().until(() -> stored(BOB) == 1);
    }

    @Test
    void eightBitMessageBytesAreStoredByteForByte() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("caf".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xe9, ' ', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, ' ', (byte) 0x80, '\r', '\n'});
        byte[] expected = body.toByteArray();
        try (RawConnection c = submission()) {
            c.send("DATA\r\n");
            assertThat(c.line()).startsWith("354 ");
            c.send("From: <" + ALICE + ">\r\nTo: <" + BOB + ">\r\nSubject: 8bit\r\n\r\n");
            c.sendBytes(expected);
            c.send(".\r\n");
            assertThat(c.line()).startsWith("250 ");
            c.send("QUIT\r\n");
            assertThat(c.line()).startsWith("221 ");
        }
        org.awaitility.Awaitility.await().until(() -> stored(BOB) == 1);
        Path home = r.dataDir.resolve("mailboxes").resolve(BOB);
        byte[] file;
        try (Stream<Path> all = Files.walk(home)) {
            file = Files.readAllBytes(all.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().matches("new|cur")).findFirst().orElseThrow());
        }
        byte[] tail = java.util.Arrays.copyOfRange(file, file.length - expected.length, file.length);
        assertThat(tail).as("the body's last line, bytes that are not UTF-8").isEqualTo(expected);
    }
}
