package org.relaycert.conformance.targets;

/**
 * How a real mail client reaches a relay: the host it dials for IMAP and SMTP (a 127.0.0.x address in the
 * local world, the domain or {@code chatmail.host} on a real target), the implicit-TLS ports, and whether
 * the client can keep strict certificate checks (not with the local world's CA, which clients do not know).
 * The Delta Chat core has no setting for its source address: it connects from the system's choice even when
 * the run sets {@code chatmail.bind}.
 */
public record ClientAccess(String host, int imapsPort, int smtpsPort, boolean strictCertificates) {

    /** Dial the relay's implicit-TLS endpoints at their connect address. */
    public static ClientAccess of(RelayUnderTest relay, boolean strictCertificates) {
        return new ClientAccess(relay.imaps().connectAddress(), relay.imaps().port(), relay.smtps().port(),
                strictCertificates);
    }
}
