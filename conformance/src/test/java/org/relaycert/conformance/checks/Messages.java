package org.relaycert.conformance.checks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Messages the checks send. */
final class Messages {
    private Messages() {
    }

    /**
     * A message any relay must deliver. For now a minimal message; once encryption enforcement is
     * checked this becomes a real OpenPGP/MIME message.
     */
    static String forDelivery(String from, String to) {
        return "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: [...]\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@relaycert.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + "relaycert conformance message\r\n";
    }
}
