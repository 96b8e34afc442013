package org.relaycert.server.account;

import java.util.Optional;

/**
 * The password database as the protocol front ends see it (Dovecot's passdb): a login and password
 * in, the canonical address out, or empty for any refusal.
 */
@FunctionalInterface
public interface LoginCheck {
    Optional<String> authenticate(String login, String password);
}
