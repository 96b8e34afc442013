package org.relaycert.server.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logins already verified against an account's stored Argon2id hash, like Dovecot's auth cache: Delta Chat
 * logs in again on every SMTP session and IMAP reconnect, and each Argon2id check costs 12 MiB and tens of
 * milliseconds of a core. An entry holds the stored hash it was verified against and an HMAC of the password
 * under a key that lives only in this process, so it matches only the same password against the same
 * unchanged hash (a new password file is a miss). Failed logins are never remembered: guessing still pays
 * the full Argon2id price. At most {@value #CAPACITY} entries, least recently used dropped first.
 */
final class VerifiedLogins {
    static final int CAPACITY = 10_000;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Map<String, Verified> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Verified(String storedHash, byte[] passwordMac) {
    }

    VerifiedLogins() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, HMAC);
    }

    /** Whether {@code password} was verified for {@code address} against this very {@code storedHash}. */
    boolean matches(String address, String storedHash, String password) {
        Verified e;
        synchronized (entries) {
            e = entries.get(address);
        }
        return e != null && e.storedHash().equals(storedHash) && MessageDigest.isEqual(e.passwordMac(), mac(password));
    }

    /** Records a successful Argon2id verification. */
    void remember(String address, String storedHash, String password) {
        Verified e = new Verified(storedHash, mac(password));
        synchronized (entries) {
            entries.put(address, e);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private byte[] mac(String password) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(key);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
