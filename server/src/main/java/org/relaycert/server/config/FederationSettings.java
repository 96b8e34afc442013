package org.relaycert.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code [federation]} section: what Postfix, OpenDKIM and filtermail-transport configure for mail
 * between relays. Defaults are chatmail's (and Postfix's) values.
 *
 * @param dkimKey        PEM PKCS#8 RSA private key (OpenDKIM's {@code opendkim.private}); generated under
 *                       {@code data_dir/dkim} when absent
 * @param dkimSelector   the selector published at {@code <selector>._domainkey.<domain>} ({@code opendkim})
 * @param mxSmtpPort     the port other relays' MX hosts listen on for SMTP (25)
 * @param mxHttpsPort    the port of their {@code /mxdeliv} endpoint (443)
 * @param trustAnchors   extra PEM CA certificates trusted for outbound TLS besides the JDK's
 * @param retryInitial   first retry delay (Postfix {@code minimal_backoff_time}, 300 s)
 * @param retryMax       longest retry delay (Postfix {@code maximal_backoff_time}, 4000 s)
 * @param queueLifetime  after this a message is bounced (Postfix {@code maximal_queue_lifetime}, 5 d)
 * @param mxdelivFallbackMemory after an SMTP success where {@code /mxdeliv} failed, the host gets SMTP only
 *                       this long (filtermail-transport: 30 min)
 */
public record FederationSettings(
        Optional<Path> dkimKey,
        String dkimSelector,
        int mxSmtpPort,
        int mxHttpsPort,
        Optional<Path> trustAnchors,
        Duration retryInitial,
        Duration retryMax,
        Duration queueLifetime,
        Duration mxdelivFallbackMemory) {

    public static FederationSettings chatmail() {
        return new FederationSettings(Optional.empty(), "opendkim", 25, 443, Optional.empty(),
                Duration.ofSeconds(300), Duration.ofSeconds(4000), Duration.ofDays(5),
                Duration.ofMinutes(30));
    }
}
