package org.relaycert.server.federation;

import java.util.Map;
import org.relaycert.server.delivery.Reply;

/**
 * What one delivery attempt to one host gave: a reply per recipient, or a connection-level failure
 * (refused, TLS, timeout) after which the next MX host is tried.
 *
 * @param replies     per recipient, when the host answered
 * @param connectFailure why the host could not be used, else null
 */
public record Attempt(Map<String, Reply> replies, String connectFailure) {

    public static Attempt failed(String why) {
        return new Attempt(Map.of(), why);
    }

    public boolean connected() {
        return connectFailure == null;
    }
}
