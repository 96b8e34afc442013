package org.relaycert.server.smtp;

import java.util.ArrayList;
import java.util.List;

/** One mail transaction in progress: MAIL accepted, recipients so far (RFC 5321 section 3.3). */
final class Transaction {
    private final String mailFrom;
    private final long declaredSize;
    private final List<String> recipients = new ArrayList<>();

    Transaction(String mailFrom, long declaredSize) {
        this.mailFrom = mailFrom;
        this.declaredSize = declaredSize;
    }

    String mailFrom() {
        return mailFrom;
    }

    long declaredSize() {
        return declaredSize;
    }

    List<String> recipients() {
        return List.copyOf(recipients);
    }

    int recipientCount() {
        return recipients.size();
    }

    void addRecipient(String recipient) {
        recipients.add(recipient);
    }
}
