package org.relaycert.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [params]} section of chatmail.ini, with chatmail's defaults (chatmaild config.py).
 * Values an operator never set hold the upstream default, so an operator's file means the same here.
 */
public record ChatmailParams(
        String mailDomain,
        Optional<TlsFiles> tlsExternalCertAndKey,
        int maxUserSendPerMinute,
        int maxUserSendBurstSize,
        long maxMailboxSize,
        long maxMessageSize,
        int deleteMailsAfterDays,
        int deleteLargeAfterDays,
        int deleteInactiveUsersAfterDays,
        int usernameMinLength,
        int usernameMaxLength,
        int passwordMinLength,
        double maxLoad1m,
        long minAvailableMemory,
        long minFreeDiskSpace,
        int maxImapConnections,
        int maxSmtpConnections,
        Optional<String> irohRelay,
        Optional<String> privacyMail,
        List<String> passthroughSenders,
        List<String> passthroughRecipients) {

    /** Messages larger than this count as "large" for {@code delete_large_after} (chatmaild expire.py). */
    public static final long LARGE_MESSAGE_BYTES = 200_000;

    public record TlsFiles(java.nio.file.Path cert, java.nio.file.Path key) {
    }

    public Duration deleteMailsAfter() {
        return Duration.ofDays(deleteMailsAfterDays);
    }

    public Duration deleteLargeAfter() {
        return Duration.ofDays(deleteLargeAfterDays);
    }

    public Duration deleteInactiveUsersAfter() {
        return Duration.ofDays(deleteInactiveUsersAfterDays);
    }

    /** chatmail derives self-signed TLS from the domain: a leading underscore or an IPv4 literal. */
    public boolean selfSignedDomain() {
        return mailDomain.startsWith("_") || ConfigLoader.isIpv4(mailDomain);
    }
}
