package org.relaycert.server.policy;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.delivery.SpooledMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatmail's encryption enforcement (filtermail). At the end of DATA a message passes when it is encrypted
 * ({@link EncryptedTest}) or one of the {@link CleartextException}s allows it. Otherwise:
 * <ul>
 *   <li>submission: refused for all recipients with {@code 523 Encryption Needed: Invalid Unencrypted Mail};</li>
 *   <li>port 25 and {@code /mxdeliv}: refused alike when any recipient is protected (its account has the
 *       {@code enforceE2EEincoming} marker); mail only for unprotected recipients passes.</li>
 * </ul>
 * Local-to-local mail enters as submission only, so it is checked once, as chatmail does.
 */
public final class EncryptionPolicy implements MailPolicy {
    private static final Logger log = LoggerFactory.getLogger(EncryptionPolicy.class);
    public static final Reply ENCRYPTION_NEEDED = Reply.plain(523, "Encryption Needed: Invalid Unencrypted Mail");

    private final EncryptedTest encrypted;
    private final List<CleartextException> exceptions;
    private final boolean outgoingEnforced;
    private final Predicate<String> protectedRecipient;

    /**
     * @param encrypted          what counts as encrypted
     * @param exceptions         cleartext that passes anyway
     * @param outgoingEnforced   refuse cleartext on submission (every chatmail relay does)
     * @param protectedRecipient whether incoming cleartext to this local address is refused
     */
    public EncryptionPolicy(EncryptedTest encrypted, List<CleartextException> exceptions, boolean outgoingEnforced,
                            Predicate<String> protectedRecipient) {
        this.encrypted = encrypted;
        this.exceptions = List.copyOf(exceptions);
        this.outgoingEnforced = outgoingEnforced;
        this.protectedRecipient = protectedRecipient;
    }

    public EncryptionPolicy withEncryptedTest(EncryptedTest test) {
        return new EncryptionPolicy(test, exceptions, outgoingEnforced, protectedRecipient);
    }

    public EncryptionPolicy withExceptions(UnaryOperator<List<CleartextException>> edit) {
        return new EncryptionPolicy(encrypted, edit.apply(exceptions), outgoingEnforced, protectedRecipient);
    }

    public EncryptionPolicy withOutgoingEnforced(boolean enforced) {
        return new EncryptionPolicy(encrypted, exceptions, enforced, protectedRecipient);
    }

    public EncryptionPolicy withProtectedRecipients(Predicate<String> isProtected) {
        return new EncryptionPolicy(encrypted, exceptions, outgoingEnforced, isProtected);
    }

    @Override
    public byte[] message(Envelope envelope, byte[] message) throws RejectedException {
        judge(envelope, parse(message));
        return message;
    }

    /** Parses the message as it streams by: its structure and small parts only are held. */
    @Override
    public SpooledMessage message(Envelope envelope, SpooledMessage message) throws RejectedException {
        judge(envelope, parse(message));
        return message;
    }

    private void judge(Envelope envelope, MailFacts mail) throws RejectedException {
        boolean outgoing = envelope.origin() == Origin.SUBMISSION;
        if (!outgoing && mail.fromAddress().isEmpty()) {
            throw new RejectedException(Reply.plain(500, "Invalid FROM header: " + mail.fromHeader()));
        }
        try {
            if (encrypted.isEncrypted(mail, envelope.origin())) {
                log.debug("{}: Filtering encrypted mail.", outgoing ? "Outgoing" : "Incoming");
                return;
            }
            log.debug("{}: Filtering unencrypted mail.", outgoing ? "Outgoing" : "Incoming");
            for (CleartextException e : exceptions) {
                if (e.allows(envelope, mail)) {
                    return;
                }
            }
        } catch (MailFacts.UnparsableException e) {
            throw new RejectedException(Reply.plain(500, "Failed to parse message: " + e.getMessage()));
        }
        boolean refuse = outgoing ? outgoingEnforced : envelope.recipients().stream().anyMatch(protectedRecipient);
        if (refuse) {
            log.info("Rejected unencrypted mail ({})", envelope.origin());
            throw new RejectedException(ENCRYPTION_NEEDED);
        }
        return;
    }

    static MailFacts parse(SpooledMessage message) throws RejectedException {
        try {
            return MailFacts.parse(message::open);
        } catch (MailFacts.UnparsableException e) {
            throw new RejectedException(Reply.plain(500, "Failed to parse message: " + e.getMessage()));
        }
    }

    static MailFacts parse(byte[] message) throws RejectedException {
        try {
            return MailFacts.parse(message);
        } catch (MailFacts.UnparsableException e) {
            throw new RejectedException(Reply.plain(500, "Failed to parse message: " + e.getMessage()));
        }
    }
}
