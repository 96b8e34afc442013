package org.relaycert.conformance.targets;

import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Everything a check may know about what it tests. Checks never see server classes; optional
 * capabilities are empty where the target cannot provide them, and a check then reports
 * "not observable" instead of passing.
 */
public interface Target {

    /** "local" for the local world, else the primary domain; names the report directory. */
    String name();

    RelayUnderTest primary();

    /** A relay of another operator, for federation checks. */
    Optional<RelayUnderTest> secondRelay();

    /** Every relay of the target, the primary first (for checks over every pair of relays). */
    default java.util.List<RelayUnderTest> relays() {
        java.util.List<RelayUnderTest> all = new java.util.ArrayList<>();
        all.add(primary());
        secondRelay().ifPresent(all::add);
        return all;
    }

    /**
     * A fresh instance of the real chat client (Delta Chat) set up for this target's relays; the caller closes
     * it. Empty where the client is not installed or cannot be pointed at the target.
     */
    default Optional<ChatClients> chatClients() throws Exception {
        return Optional.empty();
    }

    /** Trust for the target's TLS certificates (the world CA, or the JDK's trust store). */
    SSLContext trust();

    /** Empty when certificates can be judged; else why not (e.g. the run accepts any certificate). */
    default Optional<String> certificatesUnverifiable() {
        return Optional.empty();
    }

    /** Moves the relays' clock forward (the local world's shared clock); empty where time is real. */
    default Optional<TimeControl> time() {
        return Optional.empty();
    }

    /** Stopping and starting relays, and switching their {@code /mxdeliv}: only a world the suite runs has it. */
    default Optional<FederationControl> federationControl() {
        return Optional.empty();
    }

    /** The DNS resolver ({@code host:port}) under which the target's names resolve; empty: the system's. */
    default Optional<String> dnsResolver() {
        return Optional.empty();
    }

    /** The notification gateway the relays post to, where it can be watched (the local world's mock). */
    default Optional<PushGatewayView> pushGateway() {
        return Optional.empty();
    }

    /** The relay's clock and expiry sweep, where the suite may drive them (the local world). */
    default Optional<ExpiryControl> expiryControl() {
        return Optional.empty();
    }

    /**
     * The run's settings, parsed once ({@code settings().value(Setting.PHASE)}); every key at its default where the
     * target was made without them.
     */
    default org.relaycert.conformance.settings.Settings settings() {
        return org.relaycert.conformance.settings.Settings.DEFAULTS;
    }

    /** How a real mail client (Delta Chat) reaches {@code relay}; empty when the target cannot say. */
    default Optional<ClientAccess> clientAccess(RelayUnderTest relay) {
        return Optional.empty();
    }

    /**
     * A domain the suite owns whose DKIM key the relays' DNS publishes, so the suite can sign mail validly
     * for it (the local world); empty on external targets, where the suite publishes nothing.
     */
    /**
     * Client addresses for connection floods, other than the normal client's: a relay sees a flood from many clients,
     * and its per-client connection limit (a defence) must be kept apart from what other clients get; empty when the
     * suite has only its one address.
     */
    default java.util.List<java.net.InetAddress> floodSources() {
        return java.util.List.of();
    }

    default Optional<SigningDomain> suiteSigningDomain() {
        return Optional.empty();
    }

    /** Throws {@link NotObservableException} when {@code capability} is empty. */
    static <T> T require(Optional<T> capability, String reason) {
        return capability.orElseThrow(() -> new NotObservableException(reason));
    }
}
