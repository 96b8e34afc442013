package org.relaycert.server.delivery;

import java.util.Map;

/**
 * The bounce path: a delivery status notification (RFC 3464) for recipients of an accepted message that failed
 * for good, sent to its return path like any outbound mail (DKIM-signed, through the federation queue).
 */
@FunctionalInterface
public interface Bounces {

    /**
     * Sends one DSN to {@code returnPath} (never empty: the caller drops failures of {@code <>} mail) listing
     * each failed recipient with its reply; {@code message} is the original, of which only the header is returned.
     */
    void returnToSender(String returnPath, byte[] message, Map<String, Reply> failed);
}
