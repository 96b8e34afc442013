package org.relaycert.server.imap;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The Dovecot settings that make an IMAP listener chatmail's, as values. {@link #chatmail()} is what
 * chatmail deploys; other values describe other real-world servers (and the suite's variants).
 *
 * @param extraCapabilities    Dovecot {@code imap_capability = +...}: chatmail adds {@code XCHATMAIL}
 * @param hiddenCapabilities   capabilities left out of every list (a server without MOVE, say)
 * @param plaintextAuthAllowed Dovecot {@code disable_plaintext_auth = no}: LOGIN before TLS; chatmail forbids it
 * @param idleNotifyDelay      how long a change waits before sessions hear of it; Dovecot waits 500 ms,
 *                             chatmail patches that out for sub-second delivery
 * @param startTlsDiscardsPipelined commands pipelined behind STARTTLS in plaintext are dropped (RFC 9051 section
 *                             6.2.1; the injection class of CVE-2011-0411); older servers ran them inside TLS
 */
public record ImapRules(Set<String> extraCapabilities, Set<String> hiddenCapabilities, boolean plaintextAuthAllowed,
                        Duration idleNotifyDelay, boolean startTlsDiscardsPipelined) {

    public ImapRules {
        extraCapabilities = Set.copyOf(extraCapabilities);
        hiddenCapabilities = Set.copyOf(hiddenCapabilities);
        Objects.requireNonNull(idleNotifyDelay, "idleNotifyDelay");
        if (idleNotifyDelay.isNegative()) {
            throw new IllegalArgumentException("idleNotifyDelay must not be negative");
        }
    }

    public static ImapRules chatmail() {
        return new ImapRules(Set.of("XCHATMAIL"), Set.of(), false, Duration.ZERO, true);
    }

    public ImapRules withExtraCapabilities(Set<String> extra) {
        return new ImapRules(extra, hiddenCapabilities, plaintextAuthAllowed, idleNotifyDelay, startTlsDiscardsPipelined);
    }

    public ImapRules withHiddenCapabilities(Set<String> hidden) {
        return new ImapRules(extraCapabilities, hidden, plaintextAuthAllowed, idleNotifyDelay, startTlsDiscardsPipelined);
    }

    public ImapRules withPlaintextAuthAllowed(boolean allowed) {
        return new ImapRules(extraCapabilities, hiddenCapabilities, allowed, idleNotifyDelay, startTlsDiscardsPipelined);
    }

    public ImapRules withIdleNotifyDelay(Duration delay) {
        return new ImapRules(extraCapabilities, hiddenCapabilities, plaintextAuthAllowed, delay, startTlsDiscardsPipelined);
    }

    public ImapRules withStartTlsDiscardsPipelined(boolean discards) {
        return new ImapRules(extraCapabilities, hiddenCapabilities, plaintextAuthAllowed, idleNotifyDelay, discards);
    }
}
