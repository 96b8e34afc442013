package org.relaycert.server.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.dkim.HeaderBlock;

/**
 * A delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}) from
 * {@code MAILER-DAEMON@<domain>} to the sender of a message some recipients of which failed for good.
 * The original's header is attached ({@code text/rfc822-headers}), never its (encrypted) body.
 */
final class Bounce {
    private Bounce() {
    }

    static byte[] of(String domain, QueuedMessage original, Map<String, Reply> failed, Instant now) {
        String boundary = "bounce-" + UUID.randomUUID();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC));
        StringBuilder m = new StringBuilder()
                .append("From: MAILER-DAEMON@").append(domain).append(" (Mail Delivery System)\r\n")
                .append("To: ").append(original.mailFrom()).append("\r\n")
                .append("Subject: Undelivered Mail Returned to Sender\r\n")
                .append("Date: ").append(date).append("\r\n")
                .append("Message-ID: <").append(UUID.randomUUID()).append('@').append(domain).append(">\r\n")
                .append("Auto-Submitted: auto-replied\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n\r\n")
                .append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .append("This is the mail system at ").append(domain).append(".\r\n\r\n")
                .append("Your message could not be delivered to one or more recipients:\r\n\r\n");
        failed.forEach((r, reply) -> m.append('<').append(r).append(">: ").append(reply.line().replace("\n", " "))
                .append("\r\n"));
        m.append("\r\n--").append(boundary).append("\r\nContent-Type: message/delivery-status\r\n\r\n")
                .append("Reporting-MTA: dns; ").append(domain).append("\r\n")
                .append("Arrival-Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        original.queued().atZone(ZoneOffset.UTC))).append("\r\n");
        failed.forEach((r, reply) -> m.append("\r\nFinal-Recipient: rfc822; ").append(r).append("\r\n")
                .append("Action: failed\r\nStatus: ").append(status(reply)).append("\r\n")
                .append("Diagnostic-Code: smtp; ").append(reply.line().replace("\n", " ")).append("\r\n"));
        m.append("\r\n--").append(boundary).append("\r\nContent-Type: text/rfc822-headers\r\n\r\n");
        HeaderBlock.parse(original.content().head()).fields().forEach(f -> m.append(f.raw())); // header only
        m.append("\r\n--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String status(Reply r) {
        if (r.enhanced() != null) {
            return r.enhanced();
        }
        var match = java.util.regex.Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})").matcher(r.text());
        return match.find() ? match.group(1) : (r.code() / 100) + ".0.0";
    }
}
