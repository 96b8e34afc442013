package org.relaycert.conformance.mail;

import org.relaycert.fixtures.mail.MessageFactory;

/** Messages the checks send. */
public final class Messages {
    private Messages() {
    }

    /** A message any chatmail relay must deliver: real OpenPGP/MIME, as Delta Chat sends it. */
    public static String forDelivery(String from, String to) {
        return MessageFactory.encrypted(from, java.util.List.of(to));
    }
}
