package org.relaycert.conformance.probes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.Evidence;
import org.relaycert.wire.LineSession;

/**
 * The TLS half of a STARTTLS command-injection probe (CVE-2011-0411 and its IMAP kin), after the client sent
 * STARTTLS and a second command in one write and read the STARTTLS reply. A relay may discard the injected command
 * and go on inside TLS, or refuse the session (Dovecot aborts the handshake): both keep the injection from taking
 * effect. Only an answer to the injected command, in plaintext or inside TLS, breaks the rule.
 */
public final class StartTlsInjection {
    /** How long the probe listens for a plaintext answer before it starts the handshake. */
    static final Duration PLAINTEXT_WAIT = Duration.ofMillis(500);

    /** What happened to the session after the STARTTLS reply. */
    public enum Outcome { TLS_ESTABLISHED, REFUSED_BY_RELAY }

    private StartTlsInjection() {
    }

    /**
     * Upgrades {@code s}, failing the rule if the relay answered in plaintext; a relay that closes the link or aborts
     * the handshake without a plaintext answer has refused the injection, which the evidence records.
     */
    public static Outcome upgrade(LineSession s, SSLContext trust, Evidence ev, String where) throws IOException {
        byte[] plaintext = s.unsolicited(PLAINTEXT_WAIT);
        if (plaintext.length > 0) {
            ev.transcript(where, s.transcript());
            throw new AssertionError("the relay answered the injected command in plaintext after STARTTLS: "
                    + new String(plaintext, StandardCharsets.ISO_8859_1).strip());
        }
        try {
            s.upgrade(trust);
            return Outcome.TLS_ESTABLISHED;
        } catch (IOException e) {
            ev.transcript(where, s.transcript());
            if (String.valueOf(e.getMessage()).contains("Unsupported or unrecognized SSL message")) {
                throw new AssertionError("the relay sent plaintext where the TLS handshake should be (an answer to the "
                        + "injected command?): " + e, e);
            }
            ev.line(where + ": the relay refused the TLS session after the injected command (" + e
                    + "), answering nothing in plaintext within " + PLAINTEXT_WAIT.toMillis() + " ms: the injection was refused");
            return Outcome.REFUSED_BY_RELAY;
        }
    }
}
