package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;

/**
 * Malformed MIME and OpenPGP through the reference encryption check, on both paths (MX and submission): a message
 * that only looks encrypted (broken armor, wrong packets, no boundary, a missing part) is refused with chatmail's 523
 * and never passed as encrypted; bytes that are not UTF-8, NULs and absurd nesting get a verdict (pass unchanged or
 * a 5xx), never an exception or a hang. The fuzz target {@code EncryptionCheckFuzzTest} explores the rest.
 */
class MalformedMailTest {
    private static final EncryptionPolicy POLICY = new EncryptionPolicy(PgpMimeStructure.reference(),
            CleartextException.chatmail(), true, recipient -> true);
    /** A PKESK (tag 1) then a SEIPD (tag 18) packet, as an encrypted message starts. */
    private static final byte[] PACKETS = Base64.getDecoder().decode("wQwAAQIDBAUGBwgJCgvSFAABAgMEBQYHCAkKCwwNDg8QERIT");

    static byte[] message(String contentType, String body) {
        return ("From: <alice@relay.test>\r\nTo: <bob@relay.test>\r\nSubject: [...]\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    static String armor(byte[] packets) {
        return "-----BEGIN PGP MESSAGE-----\r\n\r\n" + Base64.getEncoder().encodeToString(packets)
                + "\r\n-----END PGP MESSAGE-----\r\n";
    }

    static byte[] pgpMime(String versionPart, String payload, String closing) {
        return message("multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b1\"",
                "--b1\r\n" + versionPart + "--b1\r\nContent-Type: application/octet-stream\r\n\r\n" + payload + closing);
    }

    static final String VERSION = "Content-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n";

    private static Envelope envelope(Origin origin) {
        return new Envelope(origin, origin == Origin.SUBMISSION ? Optional.of("alice@relay.test") : Optional.empty(),
                new InetSocketAddress("127.0.0.1", 4000), true, "client.test", "alice@relay.test",
                List.of("bob@relay.test"));
    }

    private static void assertRefused(Origin origin, byte[] message) {
        assertThatThrownBy(() -> POLICY.message(envelope(origin), message)).isInstanceOf(RejectedException.class)
                .satisfies(e -> assertThat(((RejectedException) e).reply().code()).isEqualTo(523));
    }

    /** Passes the message unchanged or refuses it with a 5xx; nothing else (no exception, no edit). */
    private static void assertVerdict(Origin origin, byte[] message) {
        try {
            assertThat(POLICY.message(envelope(origin), message)).isSameAs(message);
        } catch (RejectedException e) {
            assertThat(e.reply().code()).isBetween(500, 599);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Origin.class, names = {"MX", "SUBMISSION"})
    void aWellFormedEncryptedMessagePasses(Origin origin) throws RejectedException {
        byte[] m = pgpMime(VERSION, armor(PACKETS), "\r\n--b1--\r\n");
        assertThat(POLICY.message(envelope(origin), m)).isSameAs(m);
    }

    @ParameterizedTest
    @EnumSource(value = Origin.class, names = {"MX", "SUBMISSION"})
    void brokenOpenPgpIsRefused(Origin origin) {
        String armored = armor(PACKETS);
        assertRefused(origin, pgpMime(VERSION, armored.substring(0, armored.indexOf("-----END")), "\r\n--b1--\r\n"));
        assertRefused(origin, pgpMime(VERSION, "-----BEGIN PGP MESSAGE-----\r\n\r\n!!!not base64!!!\r\n"
                + "-----END PGP MESSAGE-----\r\n", "\r\n--b1--\r\n"));
        // A literal data packet (tag 11): armored, but not encrypted.
        assertRefused(origin, pgpMime(VERSION, armor(new byte[] {(byte) 0xcb, 0x05, 'b', 0, 0, 0, 0}), "\r\n--b1--\r\n"));
        assertRefused(origin, pgpMime(VERSION, armor(new byte[0]), "\r\n--b1--\r\n"));
        // A PKESK whose length runs past the end.
        assertRefused(origin, pgpMime(VERSION, armor(new byte[] {(byte) 0xc1, (byte) 0xff, 1, 2}), "\r\n--b1--\r\n"));
    }

    @ParameterizedTest
    @EnumSource(value = Origin.class, names = {"MX", "SUBMISSION"})
    void brokenPgpMimeStructureIsRefused(Origin origin) {
        String payload = armor(PACKETS);
        assertRefused(origin, message("multipart/encrypted; protocol=\"application/pgp-encrypted\"",
                "--b1\r\n" + VERSION + "--b1\r\n\r\n" + payload + "\r\n--b1--\r\n"));
        assertRefused(origin, pgpMime("", payload, "\r\n--b1--\r\n"));
        assertRefused(origin, message("multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"zz\"",
                "--b1\r\n" + VERSION + "--b1\r\n\r\n" + payload + "\r\n--b1--\r\n"));
        assertRefused(origin, message("text/plain", payload));
    }

    @ParameterizedTest
    @EnumSource(value = Origin.class, names = {"MX", "SUBMISSION"})
    void bytesThatAreNotUtf8GetAVerdict(Origin origin) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes("From: <alice@relay.test>\r\nSubject: ".getBytes(StandardCharsets.US_ASCII));
        m.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0, (byte) 0x80});
        m.writeBytes("\r\nContent-Type: text/plain; charset=\"\u00ff\"\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        m.writeBytes(new byte[] {(byte) 0xe2, (byte) 0x82, '\r', '\n', 0, 0, (byte) 0xf8, '\r', '\n'});
        assertRefused(origin, m.toByteArray());
        byte[] encrypted = pgpMime(VERSION, armor(PACKETS), "\r\n--b1--\r\n");
        byte[] withRawSubject = new String(encrypted, StandardCharsets.ISO_8859_1)
                .replace("Subject: [...]", "Subject: \u00ff\u00fe\u0080").getBytes(StandardCharsets.ISO_8859_1);
        assertVerdict(origin, withRawSubject);
    }

    @ParameterizedTest
    @EnumSource(value = Origin.class, names = {"MX", "SUBMISSION"})
    void headerGarbageAndAbsurdNestingGetAVerdictQuickly(Origin origin) {
        long start = System.nanoTime();
        assertVerdict(origin, "no colon here\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        assertVerdict(origin, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertVerdict(origin, message("multipart/mixed; boundary=", "--\r\n--\r\n"));
        assertVerdict(origin, message("multipart/encrypted; boundary=\"" + "b".repeat(5000) + "\"", "--b\r\n"));
        StringBuilder nested = new StringBuilder();
        int depth = 3000;
        for (int i = 0; i < depth; i++) {
            nested.append("--n").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        assertVerdict(origin, message("multipart/mixed; boundary=\"n0\"", nested.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("verdicts on malformed mail are quick")
                .isLessThan(Duration.ofSeconds(20));
    }
}
