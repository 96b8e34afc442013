package org.relaycert.server.delivery;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * One mail transaction's envelope as the intake sees it. {@code mailFrom} is the reverse-path without
 * angle brackets ({@code ""} for the null sender); recipients are forward-paths, in order.
 */
public record Envelope(
        Origin origin,
        Optional<String> authenticatedUser,
        InetSocketAddress client,
        boolean tls,
        String heloName,
        String mailFrom,
        List<String> recipients) {
}
