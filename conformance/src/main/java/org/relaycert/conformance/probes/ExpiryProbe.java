package org.relaycert.conformance.probes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;

/**
 * Dated messages for expiry checks: planted with IMAP APPEND and an old INTERNALDATE (a relay that keeps
 * INTERNALDATE as the age, as Dovecot does, must treat them as old), found again by date and size, and
 * written to a receipt so a later run (the harvest on a live host) can judge what the daily sweep left.
 */
public final class ExpiryProbe {
    /** IMAP date-time (RFC 3501): {@code "dd-MMM-yyyy HH:mm:ss +zzzz"}. */
    static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
    /** Parsing accepts the one-digit day ({@code date-day-fixed} is SP DIGIT) once the space is stripped. */
    private static final DateTimeFormatter IMAP_DATE_IN = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
    private static final Pattern FETCH_DATE = Pattern.compile("INTERNALDATE \"([^\"]+)\"");
    private static final Pattern FETCH_SIZE = Pattern.compile("RFC822\\.SIZE (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One planted message: its INTERNALDATE (epoch seconds), size and whether it was planted \Seen. */
    public record Planted(String label, long internalDate, long size, boolean seen) {
        public double ageDays(Instant now) {
            return Duration.between(Instant.ofEpochSecond(internalDate), now).toSeconds() / 86_400.0;
        }
    }

    /** What a check leaves for its harvest: the account and what was planted when. */
    public record Receipt(String requirement, String address, String password, long plantedAt, List<Planted> messages) {
    }

    /** One message as the relay shows it now. */
    public record Found(long internalDate, long size) {
    }

    private ExpiryProbe() {
    }

    /**
     * A probe message of {@code size} octets whose body is random base64, as encrypted mail is: chatmail's expiry
     * judges the size of the stored file, and Dovecot may store mail compressed, so repetitive filler would shrink
     * far below the threshold that the check means to cross.
     */
    public static byte[] message(String address, String label, int size) {
        StringBuilder b = new StringBuilder("From: <" + address + ">\r\nTo: <" + address + ">\r\n"
                + "Subject: relaycert expiry probe " + label + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@relaycert.test>\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        java.util.Random random = new java.util.Random(label.hashCode() ^ size);
        byte[] chunk = new byte[57]; // 76 base64 characters a line
        while (b.length() < size - 2) {
            random.nextBytes(chunk);
            b.append(java.util.Base64.getEncoder().encodeToString(chunk)).append("\r\n");
        }
        b.setLength(Math.max(b.length(), size - 2));
        return (b + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** APPENDs a message dated {@code date} to INBOX; returns what was planted. */
    public static Planted plant(ImapSession s, String address, String label, Instant date, int size, boolean seen)
            throws IOException {
        Instant second = Instant.ofEpochSecond(date.getEpochSecond());
        byte[] body = message(address, label, size);
        ImapResponse r = s.append("INBOX", seen ? "\\Seen" : null, IMAP_DATE.format(ZonedDateTime.ofInstant(second,
                ZoneOffset.UTC)), body);
        if (!r.ok()) {
            throw new AssertionError("APPEND with a date-time refused: " + r.tagged());
        }
        return new Planted(label, second.getEpochSecond(), body.length, seen);
    }

    /** Every message in INBOX now, by INTERNALDATE and size. */
    public static List<Found> survey(ImapSession s) throws IOException {
        ImapResponse select = s.command("SELECT INBOX");
        if (!select.ok()) {
            throw new AssertionError("SELECT INBOX: " + select.tagged());
        }
        List<Found> found = new ArrayList<>();
        boolean empty = select.untagged().stream().anyMatch(l -> l.matches("\\* 0 EXISTS"));
        if (empty) {
            return found;
        }
        ImapResponse fetch = s.command("UID FETCH 1:* (INTERNALDATE RFC822.SIZE)");
        for (String line : fetch.untagged()) { // "* <n> FETCH (...)"
            Matcher d = FETCH_DATE.matcher(line);
            Matcher z = FETCH_SIZE.matcher(line);
            if (d.find() && z.find()) {
                found.add(new Found(ZonedDateTime.parse(d.group(1).strip(), IMAP_DATE_IN).toInstant().getEpochSecond(),
                        Long.parseLong(z.group(1))));
            }
        }
        return found;
    }

    public static boolean present(Planted p, List<Found> found) {
        return found.stream().anyMatch(f -> f.internalDate() == p.internalDate() && f.size() == p.size());
    }

    /** Where receipts go: {@code chatmail.receipts}, else {@code reports/out/<target>/} as the report. */
    public static Path receiptFile(Target t, String requirement) {
        Settings s = t.settings();
        Path dir = s.get(Setting.RECEIPTS).orElseGet(() -> s.get(Setting.REPORTS_DIR)
                .orElseGet(() -> s.get(Setting.ROOT).orElse(Path.of("..")).resolve("reports").resolve("out"))
                .resolve(t.name()));
        return dir.resolve("expiry-receipt-" + requirement + ".json").toAbsolutePath().normalize();
    }

    public static void write(Path file, Receipt receipt) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(receipt));
    }

    public static Optional<Receipt> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Receipt.class)) : Optional.empty();
    }
}
