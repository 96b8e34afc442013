package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Packet sequences built by hand: header formats, lengths, order. Each goes through both readers, the streaming one
 * the relay's mail path uses and the in-memory one, which must agree.
 */
class OpenPgpPacketsTest {
    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    final OpenPgpPackets ref = OpenPgpPackets.reference();

    /** The verdict of {@code rules} on {@code packets}, after checking that both readers give it. */
    static boolean encrypted(OpenPgpPackets rules, byte[] packets) {
        boolean inMemory = rules.isEncryptedMessage(packets);
        try {
            assertThat(rules.isEncryptedMessage(new ByteArrayInputStream(packets)))
                    .as("streamed verdict equals the in-memory one").isEqualTo(inMemory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inMemory;
    }

    @Test
    void newFormatPkeskThenSeipd() {
        assertThat(encrypted(ref, bytes(0xC1, 2, 3, 0, 0xD2, 1, 1))).isTrue();
        assertThat(encrypted(ref, bytes(0xC3, 1, 4, 0xD2, 1, 1))).as("SKESK").isTrue();
        assertThat(encrypted(ref, bytes(0xD2, 1, 1))).as("a lone SEIPD, as filtermail").isTrue();
    }

    @Test
    void wrongOrderOrKindOrLengthFails() {
        assertThat(encrypted(ref, bytes(0xD2, 1, 1, 0xC1, 1, 3))).as("SEIPD not last").isFalse();
        assertThat(encrypted(ref, bytes(0xCB, 1, 'b'))).as("literal data").isFalse();
        assertThat(encrypted(ref, bytes(0xC1, 1, 3))).as("no SEIPD").isFalse();
        assertThat(encrypted(ref, bytes(0xD2, 5, 1))).as("length beyond the data").isFalse();
        assertThat(encrypted(ref, bytes(0xD2, 1, 1, 0))).as("trailing octet").isFalse();
        assertThat(encrypted(ref, bytes())).as("empty").isFalse();
        assertThat(encrypted(ref, bytes(0x12))).as("no packet bit").isFalse();
    }

    @Test
    void partialLengthsAndOldFormat() {
        // SEIPD with a 2-octet partial chunk (0xE1) then a final 1-octet length
        byte[] partial = bytes(0xD2, 0xE1, 9, 9, 1, 7);
        assertThat(encrypted(ref, partial)).isTrue();
        assertThat(encrypted(new OpenPgpPackets(true, false), partial)).isFalse();
        // GnuPG 2.2 style: old-format PKESK (0x85 = tag 1, 2-octet length); SEIPD (tag 18) cannot be old-format
        byte[] old = bytes(0x85, 0, 1, 3, 0xD2, 1, 1);
        assertThat(encrypted(ref, old)).isTrue();
        assertThat(encrypted(new OpenPgpPackets(false, true), old)).isFalse();
        assertThat(encrypted(ref, bytes(0x84, 1, 3, 0x87, 1, 2, 3))).as("indeterminate PKESK runs to the end").isFalse();
    }
}
