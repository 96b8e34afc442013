package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed encryption check ({@link ArmoredMessage#isEncrypted}) answers as the in-memory one
 * ({@link ArmoredMessage#decode} then {@link OpenPgpPackets#isEncryptedMessage(byte[])}) on valid armors of every
 * shape and on thousands of mutations of them.
 */
class ArmoredStreamTest {
    private static final List<OpenPgpPackets> RULES = List.of(OpenPgpPackets.reference(), new OpenPgpPackets(false, false),
            new OpenPgpPackets(true, false));

    @Test
    void validArmorsOfEveryShapePass() throws IOException {
        for (String armor : armors(new Random(1))) {
            assertThat(streamed(armor.getBytes(StandardCharsets.UTF_8), OpenPgpPackets.reference()))
                    .as(armor.substring(0, Math.min(armor.length(), 200))).isTrue();
        }
    }

    @Test
    void aLongBase64LineIsStreamedInPieces() throws IOException {
        byte[] data = packets(200_000, new Random(2));
        String armor = ArmoredMessage.BEGIN + "\r\n\r\n" + Base64.getEncoder().encodeToString(data) + "\r\n"
                + ArmoredMessage.END + "\r\n";
        assertThat(armor.length()).isGreaterThan(2 * ArmoredStream.LONG_LINE);
        assertThat(streamed(armor.getBytes(StandardCharsets.US_ASCII), OpenPgpPackets.reference())).isTrue();
        assertThat(inMemory(armor.getBytes(StandardCharsets.US_ASCII), OpenPgpPackets.reference())).isTrue();
    }

    @Test
    void mutationsAreJudgedAsInMemory() throws IOException {
        Random random = new Random(3);
        List<String> armors = armors(random);
        int disagreements = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            byte[] text = mutate(armors.get(random.nextInt(armors.size())).getBytes(StandardCharsets.UTF_8), random);
            for (OpenPgpPackets rules : RULES) {
                if (streamed(text, rules) != inMemory(text, rules)) {
                    disagreements++;
                    if (first.isEmpty()) {
                        first.append(new String(text, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        assertThat(disagreements).as("first: %s", first).isZero();
    }

    private static boolean streamed(byte[] text, OpenPgpPackets rules) throws IOException {
        return ArmoredMessage.isEncrypted(new ByteArrayInputStream(text), rules);
    }

    private static boolean inMemory(byte[] text, OpenPgpPackets rules) {
        return ArmoredMessage.decode(new String(text, StandardCharsets.UTF_8)).map(rules::isEncryptedMessage).orElse(false);
    }

    /** Armors with and without headers, checksum, padding, blank lines, in CRLF, LF or CR. */
    private static List<String> armors(Random random) {
        List<String> out = new java.util.ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 5, 57, 58, 59, 300}) {
            byte[] data = packets(n, random);
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
            String bare = Base64.getEncoder().withoutPadding().encodeToString(data);
            for (String eol : new String[] {"\r\n", "\n", "\r"}) {
                out.add(ArmoredMessage.BEGIN + eol + eol + b64.replace("\n", eol) + eol + ArmoredMessage.END + eol);
                out.add(eol + "  " + eol + ArmoredMessage.BEGIN + " " + eol + "Version: PGPainless" + eol + "Comment: x y"
                        + eol + eol + b64.replace("\n", " " + eol) + eol + "=abcd" + eol + ArmoredMessage.END + eol + eol
                        + " \t" + eol);
                out.add(ArmoredMessage.BEGIN + eol + eol + bare + eol + ArmoredMessage.END);
            }
        }
        return out;
    }

    /** A PKESK and a SEIPD of {@code n} octets (new format), or just a SEIPD when n is small. */
    private static byte[] packets(int n, Random random) {
        byte[] body = new byte[n];
        random.nextBytes(body);
        byte[] seipd = n < 192 ? new byte[] {(byte) 0xD2, (byte) n}
                : new byte[] {(byte) 0xD2, (byte) 0xFF, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        byte[] pkesk = n > 3 ? new byte[] {(byte) 0xC1, 2, 7, 7} : new byte[0];
        byte[] out = new byte[pkesk.length + seipd.length + n];
        System.arraycopy(pkesk, 0, out, 0, pkesk.length);
        System.arraycopy(seipd, 0, out, pkesk.length, seipd.length);
        System.arraycopy(body, 0, out, pkesk.length + seipd.length, n);
        return out;
    }

    private static byte[] mutate(byte[] text, Random random) {
        byte[] out = text.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length > 1; e++) {
            int at = random.nextInt(out.length);
            byte[] alphabet = "=AZaz09+/ -\r\n\t:.\u00e9\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = alphabet[random.nextInt(alphabet.length)];
                case 1 -> out = java.util.Arrays.copyOf(out, at); // truncated
                case 2 -> { // an octet removed
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
                default -> { // an octet inserted
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = alphabet[random.nextInt(alphabet.length)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }
}
