package org.relaycert.server.dkim;

import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * Removes {@code DKIM-Signature} and {@code Authentication-Results} from mail arriving from other relays
 * before it reaches a mailbox (chatmail strips them after verification: they only reveal the path). Must
 * come after {@link InboundDkimPolicy} in the policy list.
 */
public final class TraceHeaderCleanup implements org.relaycert.server.delivery.MailPolicy {

    /** Rewrites the header only; the body stays where it is. */
    @Override
    public SpooledMessage message(Envelope envelope, SpooledMessage message) {
        if (envelope.origin() == Origin.SUBMISSION) {
            return message;
        }
        byte[] head = message.head();
        byte[] kept = HeaderBlock.parse(head).withoutFields("DKIM-Signature", "Authentication-Results");
        return kept.length == head.length ? message : message.withHead(kept);
    }

    @Override
    public byte[] message(Envelope envelope, byte[] message) {
        if (envelope.origin() == Origin.SUBMISSION) {
            return message;
        }
        return HeaderBlock.parse(message).without("DKIM-Signature", "Authentication-Results");
    }
}
