package org.relaycert.server.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaycert.server.delivery.Reply;

/** One mail transaction in progress: MAIL accepted, recipients so far (RFC 5321 section 3.3). */
final class Transaction {
    private final String mailFrom;
    private final long declaredSize;
    private final List<String> recipients = new ArrayList<>();
    private final Optional<Reply> recipientRefusal;

    Transaction(String mailFrom, long declaredSize) {
        this(mailFrom, declaredSize, Optional.empty());
    }

    /** {@code recipientRefusal}: the sender's refusal that every RCPT of this transaction gets (delayed reject). */
    Transaction(String mailFrom, long declaredSize, Optional<Reply> recipientRefusal) {
        this.mailFrom = mailFrom;
        this.declaredSize = declaredSize;
        this.recipientRefusal = recipientRefusal;
    }

    Optional<Reply> recipientRefusal() {
        return recipientRefusal;
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
