package org.relaycert.server.federation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message in the outbound queue, as stored in one file: a small header of {@code key: value} lines
 * ({@code from}, one {@code to} per recipient still pending, {@code queued}, {@code attempts}), an empty
 * line, then the message bytes as they will be sent.
 */
public record QueuedMessage(String id, String mailFrom, List<String> recipients, Instant queued, int attempts,
                            byte[] message) {

    public byte[] encode() {
        StringBuilder head = new StringBuilder();
        head.append("from: ").append(mailFrom).append('\n');
        recipients.forEach(r -> head.append("to: ").append(r).append('\n'));
        head.append("queued: ").append(queued.toEpochMilli()).append('\n');
        head.append("attempts: ").append(attempts).append("\n\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + head.length());
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(message);
        return out.toByteArray();
    }

    public static QueuedMessage decode(String id, byte[] file) {
        int split = -1;
        for (int i = 0; i + 1 < file.length; i++) {
            if (file[i] == '\n' && file[i + 1] == '\n') {
                split = i;
                break;
            }
        }
        if (split < 0) {
            throw new IllegalArgumentException("queue file " + id + " has no header end");
        }
        String from = null;
        List<String> to = new ArrayList<>();
        Instant queued = Instant.EPOCH;
        int attempts = 0;
        for (String line : new String(file, 0, split, StandardCharsets.UTF_8).split("\n")) {
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
        if (from == null) {
            from = "";
        }
        byte[] message = java.util.Arrays.copyOfRange(file, split + 2, file.length);
        return new QueuedMessage(id, from, List.copyOf(to), queued, attempts, message);
    }

    public QueuedMessage after(List<String> pending) {
        return new QueuedMessage(id, mailFrom, List.copyOf(pending), queued, attempts + 1, message);
    }
}
