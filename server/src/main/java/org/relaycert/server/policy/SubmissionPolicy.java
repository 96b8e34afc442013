package org.relaycert.server.policy;

import java.util.Locale;
import java.util.Optional;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * chatmail's outgoing sender rules (filtermail outbound), for submission only; other relays' mail is never
 * rate limited. The login/MAIL FROM match ({@code 553}) is the intake's routing rule; this adds:
 * <ol>
 *   <li>MAIL FROM has exactly one {@code @}, else {@code 500 Invalid from address <x>};</li>
 *   <li>the send rate per sender ({@link GcraRateLimiter}), counted once per message at MAIL FROM, else
 *       {@code 450 4.7.1: Too much mail from <addr>, rate-limited until <instant>};</li>
 *   <li>at the end of DATA the From header holds exactly MAIL FROM (any case), else
 *       {@code 500 Invalid FROM header: <raw>} or {@code 500 Invalid FROM <from> for <mailfrom>}.</li>
 * </ol>
 */
public final class SubmissionPolicy implements MailPolicy {
    private final GcraRateLimiter rate;
    private final boolean fromHeaderChecked;

    public SubmissionPolicy(GcraRateLimiter rate, boolean fromHeaderChecked) {
        this.rate = rate;
        this.fromHeaderChecked = fromHeaderChecked;
    }

    public GcraRateLimiter rate() {
        return rate;
    }

    public SubmissionPolicy withRate(GcraRateLimiter limiter) {
        return new SubmissionPolicy(limiter, fromHeaderChecked);
    }

    public SubmissionPolicy withFromHeaderChecked(boolean checked) {
        return new SubmissionPolicy(rate, checked);
    }

    @Override
    public void sender(Envelope partial, long declaredSize) throws RejectedException {
        if (partial.origin() != Origin.SUBMISSION) {
            return;
        }
        String from = partial.mailFrom();
        if (from.indexOf('@') < 0 || from.indexOf('@') != from.lastIndexOf('@')) {
            throw new RejectedException(Reply.plain(500, "Invalid from address <" + from + ">"));
        }
        String key = from.toLowerCase(Locale.ROOT);
        Optional<java.time.Instant> until = rate.acquire(key, 1);
        if (until.isPresent()) {
            // filtermail refuses MAIL; Postfix, its before-queue proxy client, relays that at each RCPT
            throw RejectedException.atRecipient(Reply.plain(450,
                    "4.7.1: Too much mail from " + key + ", rate-limited until " + until.get()));
        }
    }

    @Override
    public byte[] message(Envelope envelope, byte[] message) throws RejectedException {
        checkFrom(envelope, SpooledMessage.of(message));
        return message;
    }

    @Override
    public SpooledMessage message(Envelope envelope, SpooledMessage message) throws RejectedException {
        checkFrom(envelope, message);
        return message;
    }

    /** The From header is all this needs: only the header is parsed. */
    private void checkFrom(Envelope envelope, SpooledMessage message) throws RejectedException {
        if (envelope.origin() != Origin.SUBMISSION || !fromHeaderChecked) {
            return;
        }
        MailFacts mail = EncryptionPolicy.parse(message.headerOnly());
        String from = mail.fromAddress().orElseThrow(() ->
                new RejectedException(Reply.plain(500, "Invalid FROM header: " + mail.fromHeader())));
        if (!from.equalsIgnoreCase(envelope.mailFrom())) {
            throw new RejectedException(Reply.plain(500, "Invalid FROM " + from + " for " + envelope.mailFrom()));
        }
    }

}
