package org.relaycert.conformance.targets;

/** What only the operator of a world can do to its relays: outages and reconfiguration. */
public interface FederationControl {

    /** Stops a relay (its queue and mailboxes stay), as an outage. */
    void stop(String domain) throws Exception;

    /** Starts a stopped relay again. */
    void start(String domain) throws Exception;

    /** Restarts a relay with or without its {@code /mxdeliv} endpoint (so senders must use SMTP). */
    void serveMxdeliv(String domain, boolean served) throws Exception;

    /**
     * The longest the relay of {@code domain} waits before it retries a deferred delivery, where the operator knows
     * it; empty when unknown (Postfix's defaults wait 300 s and more, longer than a suite should).
     */
    default java.util.Optional<java.time.Duration> retryDelay(String domain) {
        return java.util.Optional.empty();
    }

    /**
     * Restarts a relay with its port 25 closed to other relays (a temporary refusal at MAIL FROM), or open again;
     * false where the operator cannot. While closed, mail reaches it only over {@code /mxdeliv}.
     */
    default boolean acceptSmtpFromRelays(String domain, boolean accepted) throws Exception {
        return false;
    }

    /**
     * Restarts a relay presenting a certificate that is valid but for another name, or its own again; false where
     * the operator cannot.
     */
    default boolean presentOtherNameCertificate(String domain, boolean otherName) throws Exception {
        return false;
    }
}
