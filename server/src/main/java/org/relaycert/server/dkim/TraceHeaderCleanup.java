package org.relaycert.server.dkim;

import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * Removes {@code DKIM-Signature} and {@code Authentication-Results} from every copy that reaches a local
 * mailbox, whoever sent it, as chatmail's {@code lmtp_header_cleanup} does on delivery to Dovecot: they only
 * reveal the path. Mail relayed on to other relays keeps them (chatmail rewrites only the LMTP copy), and
 * inbound verification ({@link InboundDkimPolicy}) sees them, since local copies are made after every policy.
 */
public final class TraceHeaderCleanup implements MailPolicy {
    private static final String[] REMOVED = {"DKIM-Signature", "Authentication-Results"};

    /** Rewrites the header only; the body stays where it is. */
    @Override
    public SpooledMessage localCopy(Envelope envelope, SpooledMessage message) {
        byte[] head = message.head();
        byte[] kept = HeaderBlock.parse(head).withoutFields(REMOVED);
        return kept.length == head.length ? message : message.withHead(kept);
    }
}
