package org.relaycert.server.policy;

/** Decides whether a message counts as end-to-end encrypted (the relay never decrypts). */
@FunctionalInterface
public interface EncryptedTest {
    boolean isEncrypted(MailFacts mail) throws MailFacts.UnparsableException;
}
