package org.relaycert.server.policy;

import java.util.Optional;
import org.relaycert.server.delivery.BounceRules;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.ReturnPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * filtermail's incoming rule 2 (0.5.2, issue #67): mail from another relay whose envelope sender differs from
 * its From address is not refused, but its envelope sender is reset to {@code <>} before reinjection, so a
 * failure notice never goes to a forged or SRS return path. Submitted mail keeps its sender: the submission
 * rules already require MAIL FROM and From to be the logged-in user.
 */
public final class ForgedReturnPath implements ReturnPath {
    private static final Logger log = LoggerFactory.getLogger(ForgedReturnPath.class);

    /** The return path rule {@code rules} ask for: this reset, or the envelope sender as given. */
    public static ReturnPath per(BounceRules rules) {
        return rules.resetForgedReturnPath() ? new ForgedReturnPath() : ReturnPath.ENVELOPE;
    }

    @Override
    public String of(Envelope envelope, byte[] message) {
        String mailFrom = envelope.mailFrom();
        if (envelope.origin() == Origin.SUBMISSION || mailFrom.isEmpty()) {
            return mailFrom;
        }
        Optional<String> from = fromAddress(message);
        if (from.isPresent() && from.get().equalsIgnoreCase(mailFrom)) {
            return mailFrom;
        }
        log.info("envelope sender differs from the From address: reset to <>");
        return "";
    }

    /** The From address, parsed from the header alone: the body (up to 30 MiB) has no say in it. */
    private static Optional<String> fromAddress(byte[] message) {
        try {
            return MailFacts.parse(java.util.Arrays.copyOf(message, headerLength(message))).fromAddress();
        } catch (MailFacts.UnparsableException e) {
            return Optional.empty();
        }
    }

    private static int headerLength(byte[] m) {
        for (int i = 0; i + 1 < m.length; i++) {
            if (m[i] == '\n' && (m[i + 1] == '\n' || m[i + 1] == '\r' && i + 2 < m.length && m[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return m.length;
    }
}
