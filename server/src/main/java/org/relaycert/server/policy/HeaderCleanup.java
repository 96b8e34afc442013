package org.relaycert.server.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * chatmail's header rewrites, which keep a sender's IP address and software out of stored and relayed mail:
 * <ul>
 *   <li>submission (Postfix {@code authclean}): remove {@code Received}, {@code X-Originating-IP},
 *       {@code X-Mailer}, {@code User-Agent}; replace every {@code Subject} with {@code Subject: [...]}
 *       (when {@code subjectHidden});</li>
 *   <li>mail from other relays, before it reaches a mailbox (Postfix {@code lmtp_header_cleanup}): remove
 *       {@code Received} (the DKIM trace headers are removed last, by the DKIM package's TraceHeaderCleanup).</li>
 * </ul>
 * Only the top-level header is touched. Goes after any DKIM verification and before any DKIM signing.
 */
public final class HeaderCleanup implements MailPolicy {
    static final Set<String> SUBMISSION_REMOVED = Set.of("received", "x-originating-ip", "x-mailer", "user-agent");
    // DKIM-Signature and Authentication-Results are TraceHeaderCleanup's: one policy owns each rewrite.
    static final Set<String> INCOMING_REMOVED = Set.of("received");
    public static final String HIDDEN_SUBJECT = "[...]";

    private final boolean subjectHidden;

    public HeaderCleanup(boolean subjectHidden) {
        this.subjectHidden = subjectHidden;
    }

    public static HeaderCleanup chatmail() {
        return new HeaderCleanup(true);
    }

    @Override
    public byte[] message(Envelope envelope, byte[] message) {
        return rewrite(envelope, HeaderBlock.parse(message), message);
    }

    /** Rewrites the header in memory; the body stays where it is. */
    @Override
    public SpooledMessage message(Envelope envelope, SpooledMessage message) {
        byte[] head = message.head();
        byte[] rewritten = rewrite(envelope, HeaderBlock.parse(head), head);
        return rewritten == head ? message : message.withHead(rewritten);
    }

    private byte[] rewrite(Envelope envelope, HeaderBlock header, byte[] message) {
        boolean submission = envelope.origin() == Origin.SUBMISSION;
        Set<String> removed = submission ? SUBMISSION_REMOVED : INCOMING_REMOVED;
        List<HeaderBlock.RawField> kept = new ArrayList<>(header.fields().size());
        boolean changed = false;
        for (HeaderBlock.RawField f : header.fields()) {
            if (removed.contains(HeaderBlock.lower(f.name()))) {
                changed = true;
            } else if (submission && subjectHidden && f.named("Subject")) {
                kept.add(HeaderBlock.field("Subject", HIDDEN_SUBJECT));
                changed = true;
            } else {
                kept.add(f);
            }
        }
        return changed ? header.with(kept) : message;
    }
}
