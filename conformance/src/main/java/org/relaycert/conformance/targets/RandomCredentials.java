package org.relaycert.conformance.targets;

import java.security.SecureRandom;

/** Fresh addresses and passwords that chatmail's default rules accept (9-character [a-z0-9] localpart). */
public final class RandomCredentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOCAL = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PASSWORD = LOCAL + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private RandomCredentials() {
    }

    public static String localpart(int length) {
        return random(LOCAL, length);
    }

    public static String random(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** A new address on {@code domainPart} with a 20-character password. */
    public static Credentials fresh(String domainPart) {
        return new Credentials(localpart(9) + "@" + domainPart, random(PASSWORD, 20));
    }
}
