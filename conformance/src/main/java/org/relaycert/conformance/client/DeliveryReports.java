package org.relaycert.conformance.client;

import java.util.Locale;
import java.util.regex.Pattern;

/** Delivery status notifications (RFC 3464) as a user finds them in an INBOX. */
public final class DeliveryReports {
    private static final Pattern FAILED = Pattern.compile("(?m)^action:\\s*failed\\s*$");

    private DeliveryReports() {
    }

    /**
     * Whether {@code message} is a delivery status notification saying delivery to {@code recipient} failed
     * ({@code Action: failed} for its {@code Final-Recipient}); a report of delay is not.
     */
    public static boolean failureFor(String message, String recipient) {
        String m = message.toLowerCase(Locale.ROOT);
        String rcpt = Pattern.quote(recipient.toLowerCase(Locale.ROOT));
        return m.contains("message/delivery-status") && FAILED.matcher(m).find()
                && Pattern.compile("(?m)^final-recipient:\\s*rfc822;\\s*<?" + rcpt + ">?\\s*$").matcher(m).find();
    }
}
