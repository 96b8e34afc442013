package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArmoredMessageTest {
    @Test
    void decodesWithOrWithoutHeadersAndChecksum() {
        assertThat(ArmoredMessage.decode("\r\n-----BEGIN PGP MESSAGE-----\r\n\r\n0gEB\r\n=abcd\r\n-----END PGP MESSAGE-----\r\n\r\n"))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(0xD2 - 256, 1, 1));
        assertThat(ArmoredMessage.decode("-----BEGIN PGP MESSAGE-----\nVersion: PGPainless\nComment: x\n\n0gEB\n-----END PGP MESSAGE-----"))
                .isPresent();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(ArmoredMessage.decode("hello")).isEmpty();
        assertThat(ArmoredMessage.decode("-----BEGIN PGP MESSAGE-----\r\n\r\n0g!B\r\n-----END PGP MESSAGE-----\r\n")).isEmpty();
        assertThat(ArmoredMessage.decode("-----BEGIN PGP MESSAGE-----\r\n\r\n0gEB\r\n")).as("no end").isEmpty();
        assertThat(ArmoredMessage.decode("-----BEGIN PGP MESSAGE-----\r\n\r\n0gEB\r\n-----END PGP MESSAGE-----\r\nmore\r\n")).isEmpty();
        assertThat(ArmoredMessage.decode("-----BEGIN PGP SIGNATURE-----\r\n\r\n0gEB\r\n-----END PGP SIGNATURE-----\r\n")).isEmpty();
    }
}
