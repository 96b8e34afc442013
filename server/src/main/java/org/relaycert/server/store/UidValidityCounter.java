package org.relaycert.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Hands out UIDVALIDITY values for one user: the clock's epoch seconds, but always larger than the last
 * value handed out (kept in {@code relaycert-uidvalidity}), so a folder deleted and created again within
 * the same second, or with a clock that went back, still gets a new, larger one.
 */
final class UidValidityCounter {
    static final String FILE = "relaycert-uidvalidity";
    private final Path file;
    private final Clock clock;

    UidValidityCounter(Path userDir, Clock clock) {
        this.file = userDir.resolve(FILE);
        this.clock = clock;
    }

    synchronized long next() throws IOException {
        long last = 0;
        if (Files.exists(file)) {
            last = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        }
        // UIDVALIDITY is a 32-bit non-zero number in IMAP.
        long next = Math.max(Math.max(clock.instant().getEpochSecond(), 1), last + 1);
        if (next > 0xFFFF_FFFFL) {
            throw new IOException("UIDVALIDITY space exhausted");
        }
        Durable.replace(file, (next + "\n").getBytes(StandardCharsets.US_ASCII));
        return next;
    }
}
