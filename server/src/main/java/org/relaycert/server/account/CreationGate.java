package org.relaycert.server.account;

import java.util.Optional;

/**
 * Decides whether new accounts may be created right now (chatmail's {@code /etc/chatmail-nocreate}
 * and system-resource limits). Existing accounts are never affected.
 */
@FunctionalInterface
public interface CreationGate {
    CreationGate OPEN = () -> Optional.empty();

    /** Empty to allow creation, else the reason it is refused (logged, never shown to the client). */
    Optional<String> refusal();
}
