package org.relaycert.server.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One notification still to be sent: for whom, to which token, when its message arrived (the deadline
 * counts from there) and how many attempts failed so far. Stored as four lines:
 * <pre>
 * address LF start-epoch-millis LF failed-attempts LF token
 * </pre>
 */
public record PendingNotification(String id, String address, String token, Instant start, int failures) {

    public static PendingNotification first(String address, String token, Instant start) {
        return new PendingNotification(UUID.randomUUID().toString(), address, token, start, 0);
    }

    public PendingNotification failedOnce() {
        return new PendingNotification(id, address, token, start, failures + 1);
    }

    byte[] encode() {
        return (address + "\n" + start.toEpochMilli() + "\n" + failures + "\n" + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Empty for a file that is not a notification (half-written, foreign). */
    static Optional<PendingNotification> decode(String id, byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", 4);
        if (lines.length != 4 || lines[0].isEmpty() || lines[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PendingNotification(id, lines[0], lines[3],
                    Instant.ofEpochMilli(Long.parseLong(lines[1])), Integer.parseInt(lines[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
