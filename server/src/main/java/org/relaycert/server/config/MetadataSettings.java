package org.relaycert.server.config;

import java.util.Optional;

/**
 * The {@code [metadata]} section: server entries a chatmail relay serves over IMAP METADATA that chatmail
 * does not take from chatmail.ini (relay-spec 2.7). chatmail fetches TURN credentials from chatmail-turn's
 * socket and ships {@code appversions.json} with the relay; here both are configured, and an unconfigured
 * {@code app_versions} serves chatmail's shipped file.
 *
 * @param comment     {@code /shared/comment} (chatmail stopped setting it in 1.12.0; empty: not served)
 * @param turnServer  {@code host:port} of the TURN server (default {@code <mail_domain>:3478} once a secret is set)
 * @param turnSecret  the TURN server's shared secret, from which time-limited credentials are derived
 * @param appVersions {@code /shared/vendor/deltachat/appversions}: the JSON, already made single-line
 */
public record MetadataSettings(Optional<String> comment, Optional<String> turnServer, Optional<String> turnSecret,
                               Optional<String> appVersions) {

    /** No {@code [metadata]} section: only what chatmail ships with every relay (its appversions.json). */
    public static MetadataSettings none() {
        return new MetadataSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AppVersionsFile.shipped()));
    }
}
