package org.relaycert.server.imap;

import java.util.Optional;

/** Checks IMAP credentials; the relay wires {@code AccountService} (which also creates accounts just in time). */
public interface Authenticator {
    /** The canonical address for valid credentials, else empty. */
    Optional<String> authenticate(String login, String password);

    /** Called after a successful login (last-login tracking). */
    default void loggedIn(String address) {
    }
}
