package org.relaycert.server.policy;

/** Decides whether a message counts as end-to-end encrypted (the relay never decrypts). */
@FunctionalInterface
public interface EncryptedTest {
    boolean isEncrypted(MailFacts mail) throws MailFacts.UnparsableException;

    /** The test for mail that entered at {@code origin}; by default the same for every origin. */
    default boolean isEncrypted(MailFacts mail, org.relaycert.server.delivery.Origin origin)
            throws MailFacts.UnparsableException {
        return isEncrypted(mail);
    }
}
