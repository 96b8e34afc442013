package org.relaycert.server.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared values for the store tests: a fixed clock and small CRLF messages. */
final class StoreFixture {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ALICE = "alice1234@chat.example.org";

    private StoreFixture() {
    }

    static byte[] message(String subject) {
        return ("From: a@b.example\r\nSubject: " + subject + "\r\n\r\nbody line\r\n.dot line\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
