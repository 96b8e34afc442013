package org.relaycert.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code [relay]} section: what chatmail configures outside chatmail.ini (Postfix, Dovecot,
 * nginx and systemd files) and a Java relay needs in one place. Port 0 means "any free port".
 */
public record RelaySettings(
        String bindAddress,
        int smtpPort,
        int submissionPort,
        int smtpsPort,
        int imapPort,
        int imapsPort,
        int httpsPort,
        Path dataDir,
        Optional<Path> tlsCert,
        Optional<Path> tlsKey,
        Optional<URI> pushGatewayUrl,
        Optional<String> dnsResolver,
        Duration expirySweepInterval,
        int maxRecipients,
        int maxLineLength,
        Duration idleTimeout) {
}
