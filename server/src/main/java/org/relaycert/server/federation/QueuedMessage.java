package org.relaycert.server.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * One message in the outbound queue, as stored in one file: a small header of {@code key: value} lines
 * ({@code from}, one {@code to} per recipient still pending, {@code queued}, {@code attempts}), an empty
 * line, then the message bytes as they will be sent. A message read from the queue stays in its file
 * ({@link #content()} streams it); only its header is in memory.
 */
public record QueuedMessage(String id, String mailFrom, List<String> recipients, Instant queued, int attempts,
                            SpooledMessage content) {

    /** A message held in memory (a bounce, a test). */
    public QueuedMessage(String id, String mailFrom, List<String> recipients, Instant queued, int attempts,
                         byte[] message) {
        this(id, mailFrom, recipients, queued, attempts, SpooledMessage.of(message));
    }

    /** The message in one array (it costs a copy of it: the senders stream {@link #content()} instead). */
    public byte[] message() {
        try {
            return content.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The queue file's own header, up to and including its empty line. */
    byte[] fileHeader() {
        StringBuilder head = new StringBuilder();
        head.append("from: ").append(mailFrom).append('\n');
        recipients.forEach(r -> head.append("to: ").append(r).append('\n'));
        head.append("queued: ").append(queued.toEpochMilli()).append('\n');
        head.append("attempts: ").append(attempts).append("\n\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fileHeader());
        out.writeBytes(message());
        return out.toByteArray();
    }

    public static QueuedMessage decode(String id, byte[] file) {
        int split = headerEnd(id, file, file.length);
        byte[] message = java.util.Arrays.copyOfRange(file, split + 2, file.length);
        return withHeader(id, new String(file, 0, split, StandardCharsets.UTF_8), SpooledMessage.of(message));
    }

    /** Where the queue file's header ends (the first of its two newlines). */
    static int headerEnd(String id, byte[] file, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (file[i] == '\n' && file[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("queue file " + id + " has no header end");
    }

    /** A message from the queue file header's text (without its empty line) and the message content. */
    static QueuedMessage withHeader(String id, String header, SpooledMessage content) {
        String from = null;
        List<String> to = new ArrayList<>();
        Instant queued = Instant.EPOCH;
        int attempts = 0;
        for (String line : header.split("\n")) {
            int colon = line.indexOf(": ");
            String key = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 2);
            switch (key) {
                case "from" -> from = value;
                case "to" -> to.add(value);
                case "queued" -> queued = Instant.ofEpochMilli(Long.parseLong(value));
                case "attempts" -> attempts = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("queue file " + id + ": unknown key " + key);
            }
        }
        return new QueuedMessage(id, from == null ? "" : from, List.copyOf(to), queued, attempts, content);
    }

    public QueuedMessage after(List<String> pending) {
        return new QueuedMessage(id, mailFrom, List.copyOf(pending), queued, attempts + 1, content);
    }
}
