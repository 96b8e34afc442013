package org.relaycert.conformance.targets;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where a check connects: {@code host} is the name the certificate must carry (and SNI, and the HTTP Host),
 * {@code connectAddress} the address to dial (the host itself on real targets, a 127.0.0.x address
 * in the local world, {@code chatmail.host} on an external target), {@code implicitTls} whether TLS starts
 * before the greeting, {@code source} the client's own address to connect from ({@code chatmail.bind}; empty:
 * the system's choice). Every connection to the target is opened by
 * {@link org.relaycert.conformance.client.ClientSockets} or {@link org.relaycert.conformance.client.RelayHttps}
 * from this record, so these settings hold for all of them.
 */
public record Endpoint(String host, String connectAddress, int port, boolean implicitTls, Optional<InetAddress> source) {

    public Endpoint(String host, String connectAddress, int port, boolean implicitTls) {
        this(host, connectAddress, port, implicitTls, Optional.empty());
    }

    public static Endpoint of(String host, int port, boolean implicitTls) {
        return new Endpoint(host, host, port, implicitTls);
    }

    /** The same endpoint, dialled from {@code from} instead (empty: the system's choice). */
    public Endpoint from(Optional<InetAddress> from) {
        return new Endpoint(host, connectAddress, port, implicitTls, from);
    }

    @Override
    public String toString() {
        return host + ":" + port + (implicitTls ? " (TLS)" : "");
    }
}
