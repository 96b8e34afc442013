package org.relaycert.server.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials as Delta Chat reads them from {@code /shared/vendor/deltachat/turn}:
 * {@code host:port:username:password}, the username a Unix time {@link #VALIDITY} ahead (core refreshes
 * 12 h before it), the password the TURN REST API's long-term credential, base64 of HMAC-SHA1 over the
 * username with the server's shared secret (what coturn's {@code use-auth-secret} checks).
 */
public final class TurnCredentials {
    /** chatmail-turn hands out credentials valid for five days. */
    public static final Duration VALIDITY = Duration.ofDays(5);

    private final String server;
    private final byte[] secret;
    private final Clock clock;

    public TurnCredentials(String server, String secret, Clock clock) {
        this.server = server;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The entry value for now. */
    public String current() {
        String username = String.valueOf(clock.instant().plus(VALIDITY).getEpochSecond());
        return server + ":" + username + ":" + password(username);
    }

    String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
