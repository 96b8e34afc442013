package org.relaycert.server.smtp;

import java.util.Optional;

/**
 * Checks SASL credentials; returns the canonical address of the account on success.
 * {@code AccountService::authenticate} fits (it also creates accounts just-in-time). May block:
 * the server calls it off the event loop.
 */
@FunctionalInterface
public interface Authenticator {
    Optional<String> authenticate(String login, String password);
}
